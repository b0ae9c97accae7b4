package org.wren4j.tiles.s3;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.wren4j.spi.ObjectStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * An {@link ObjectStore} in an S3 bucket (or any S3-compatible server) through the AWS SDK's
 * asynchronous client. Create-if-absent is a conditional write ({@code If-None-Match: *}), so a
 * write-once object is never replaced, even by racing writers; objects of at least
 * {@link S3Options#multipartThreshold} bytes are uploaded in parts, with the condition on the
 * completing request. Throttling, 5xx answers and network failures are retried by
 * {@link S3Options#retryPolicy} (the SDK's own retries are off so there is one policy); a store
 * that stays unreachable fails with {@code StoreUnavailableException} naming the endpoint,
 * bucket, key and attempts. Byte arrays passed to writes must not change until they complete.
 */
public final class S3ObjectStore implements ObjectStore {
    private final S3AsyncClient client;
    private final Runnable closeClient;
    private final S3Options options;
    private final String description;

    /** A store over {@code client}, which the caller keeps and closes (one client can serve many stores). */
    public S3ObjectStore(S3AsyncClient client, S3Options options) {
        this(client, () -> { }, options, describe(client));
    }

    private S3ObjectStore(S3AsyncClient client, Runnable closeClient, S3Options options, String endpoint) {
        this.client = requireNonNull(client, "client is null");
        this.options = requireNonNull(options, "options is null");
        this.closeClient = closeClient;
        this.description = "s3://" + options.bucket() + "/" + options.keyPrefix() + (endpoint == null ? "" : " at " + endpoint);
    }

    /** A store on AWS with the default region and credential chains; closing it closes its client. */
    public static S3ObjectStore create(S3Options options) {
        var loop = SdkEventLoopGroup.builder().build();
        S3AsyncClient client = clientBuilder(loop).build();
        return new S3ObjectStore(client, closer(client, loop), options, null);
    }

    /**
     * A store on an S3-compatible server (path-style addressing, static credentials); closing it
     * closes its client.
     */
    public static S3ObjectStore connect(URI endpoint, String region, String accessKey, String secretKey, S3Options options) {
        var loop = SdkEventLoopGroup.builder().build();
        S3AsyncClient client = compatibleClient(endpoint, region, accessKey, secretKey, loop);
        return new S3ObjectStore(client, closer(client, loop), options, endpoint.toString());
    }

    /**
     * A store with the given region and credentials, on AWS ({@code endpoint} null) or on an
     * S3-compatible server at {@code endpoint} (path-style addressing); closing it closes its client.
     */
    public static S3ObjectStore connect(URI endpoint, String region, AwsCredentialsProvider credentials, S3Options options) {
        requireNonNull(region, "region is null");
        requireNonNull(credentials, "credentials is null");
        var loop = SdkEventLoopGroup.builder().build();
        var builder = clientBuilder(loop).region(Region.of(region)).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        S3AsyncClient client = builder.build();
        return new S3ObjectStore(client, closer(client, loop), options, endpoint == null ? null : endpoint.toString());
    }

    /**
     * A client for an S3-compatible server, configured as {@link #connect} does, to share among
     * stores created with {@link #S3ObjectStore(S3AsyncClient, S3Options)}; the caller closes it.
     */
    public static S3AsyncClient compatibleClient(URI endpoint, String region, String accessKey, String secretKey) {
        return compatibleClient(endpoint, region, accessKey, secretKey, null);
    }

    private static S3AsyncClient compatibleClient(URI endpoint, String region, String accessKey, String secretKey,
                                                  SdkEventLoopGroup loop) {
        requireNonNull(endpoint, "endpoint is null");
        return clientBuilder(loop)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(requireNonNull(region, "region is null")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    private static software.amazon.awssdk.services.s3.S3AsyncClientBuilder clientBuilder(SdkEventLoopGroup loop) {
        var http = NettyNioAsyncHttpClient.builder()
                .maxConcurrency(128)
                .connectionTimeout(Duration.ofSeconds(5))
                .connectionAcquisitionTimeout(Duration.ofSeconds(60));
        if (loop != null) {
            http.eventLoopGroup(loop);
        }
        // Tiles carry their own CRC32C, checked on every decode, so the SDK's extra checksums (a
        // CRC32 trailer on each PUT, validated on each GET) only cost a pass over every byte.
        return S3AsyncClient.builder()
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    /**
     * Closes the client, then its event loops without Netty's default two-second quiet period:
     * nothing is in flight once the client is closed, and the quiet period made every close slow.
     */
    private static Runnable closer(S3AsyncClient client, SdkEventLoopGroup loop) {
        return () -> {
            client.close();
            loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS);
        };
    }

    private static String describe(S3AsyncClient client) {
        return client.serviceClientConfiguration().endpointOverride().map(URI::toString).orElse(null);
    }

    /** The SDK client, for operations this store does not wrap (bucket administration). */
    public S3AsyncClient client() {
        return client;
    }

    public S3Options options() {
        return options;
    }

    private String objectKey(String key) {
        requireNonNull(key, "key is null");
        return options.keyPrefix() + key;
    }

    private String what(String op, String key) {
        return op + " " + key + " on " + description;
    }

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        String what = what("PUT-IF-ABSENT", key);
        return options.retryPolicy().execute(what, () -> write(key, bytes, true, what));
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        String what = what("PUT", key);
        return options.retryPolicy().execute(what, () -> write(key, bytes, false, what).thenApply(r -> null));
    }

    private CompletionStage<PutResult> write(String key, byte[] bytes, boolean ifAbsent, String what) {
        if (bytes.length >= options.multipartThreshold()) {
            return new S3Multipart(client, options, objectKey(key), bytes, ifAbsent, what, this::encrypt).run();
        }
        PutObjectRequest.Builder req = PutObjectRequest.builder().bucket(options.bucket()).key(objectKey(key))
                .contentLength((long) bytes.length);
        encrypt(req);
        if (ifAbsent) {
            req.ifNoneMatch("*");
        }
        return client.putObject(req.build(), AsyncRequestBody.fromBytesUnsafe(bytes)).handle((r, e) -> {
            if (e == null) {
                return PutResult.CREATED;
            }
            if (ifAbsent && S3Errors.status(e) == 412) {
                return PutResult.EXISTED;
            }
            throw S3Errors.translate(e, what);
        });
    }

    private void encrypt(PutObjectRequest.Builder req) {
        switch (options.encryption()) {
            case NONE -> { }
            case AES256 -> req.serverSideEncryption(ServerSideEncryption.AES256);
            case KMS -> {
                req.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                options.kmsKeyId().ifPresent(req::ssekmsKeyId);
            }
        }
    }

    private void encrypt(CreateMultipartUploadRequest.Builder req) {
        switch (options.encryption()) {
            case NONE -> { }
            case AES256 -> req.serverSideEncryption(ServerSideEncryption.AES256);
            case KMS -> {
                req.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                options.kmsKeyId().ifPresent(req::ssekmsKeyId);
            }
        }
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        String what = what("GET", key);
        return options.retryPolicy().execute(what, () -> client.getObject(b -> b.bucket(options.bucket()).key(objectKey(key)),
                new ExactBytes()).handle((r, e) -> {
                    if (e == null) {
                        return Optional.of(r);
                    }
                    if (S3Errors.status(e) == 404) {
                        return Optional.<byte[]>empty();
                    }
                    throw S3Errors.translate(e, what);
                }));
    }

    /** Server-side encryption the server reports for {@code key}, e.g. {@code AES256}; empty if none or missing. */
    public CompletionStage<Optional<String>> encryptionOf(String key) {
        String what = what("HEAD", key);
        return options.retryPolicy().execute(what, () -> client.headObject(b -> b.bucket(options.bucket()).key(objectKey(key)))
                .handle((r, e) -> {
                    if (e == null) {
                        return Optional.ofNullable(r.serverSideEncryptionAsString());
                    }
                    if (S3Errors.status(e) == 404) {
                        return Optional.<String>empty();
                    }
                    throw S3Errors.translate(e, what);
                }));
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        String what = what("DELETE", key);
        return options.retryPolicy().execute(what, () -> client.deleteObject(b -> b.bucket(options.bucket()).key(objectKey(key)))
                .handle((r, e) -> {
                    if (e == null || S3Errors.status(e) == 404) {
                        return null;
                    }
                    throw S3Errors.translate(e, what);
                }));
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        requireNonNull(prefix, "prefix is null");
        String what = what("LIST", prefix);
        return options.retryPolicy().execute(what, () -> listFrom(objectKey(prefix), null, new ArrayList<>(), what))
                .thenApply(keys -> {
                    keys.sort(null); // S3 orders by UTF-8 bytes; the contract is String order
                    return List.copyOf(keys);
                });
    }

    private CompletionStage<List<String>> listFrom(String fullPrefix, String token, List<String> keys, String what) {
        int strip = options.keyPrefix().length();
        return client.listObjectsV2(b -> b.bucket(options.bucket()).prefix(fullPrefix).continuationToken(token))
                .handle((r, e) -> {
                    if (e != null) {
                        throw S3Errors.translate(e, what);
                    }
                    r.contents().forEach(o -> keys.add(o.key().substring(strip)));
                    return r;
                })
                .thenCompose(r -> Boolean.TRUE.equals(r.isTruncated())
                        ? listFrom(fullPrefix, r.nextContinuationToken(), keys, what)
                        : CompletableFuture.completedFuture(keys));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        closeClient.run();
    }

    static ByteBuffer slice(byte[] bytes, int offset, int length) {
        return ByteBuffer.wrap(bytes, offset, length).slice();
    }

    static CompletedPart part(int number, String eTag) {
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }
}
