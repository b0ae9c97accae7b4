package org.wren4j.tiles.s3;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.wren4j.spi.ObjectStore.PutResult;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * One multipart upload: create, upload parts ({@link S3Options#partConcurrency} at a time, each
 * a view of the caller's array, not a copy), complete, conditionally when the object must not
 * exist yet. Any failure aborts the upload so no parts are left billed.
 */
final class S3Multipart {
    private final S3AsyncClient client;
    private final S3Options options;
    private final String key;
    private final byte[] bytes;
    private final boolean ifAbsent;
    private final String what;
    private final Consumer<CreateMultipartUploadRequest.Builder> encryption;

    S3Multipart(S3AsyncClient client, S3Options options, String key, byte[] bytes, boolean ifAbsent, String what,
                Consumer<CreateMultipartUploadRequest.Builder> encryption) {
        this.client = client;
        this.options = options;
        this.key = key;
        this.bytes = bytes;
        this.ifAbsent = ifAbsent;
        this.what = what;
        this.encryption = encryption;
    }

    CompletionStage<PutResult> run() {
        var create = CreateMultipartUploadRequest.builder().bucket(options.bucket()).key(key);
        encryption.accept(create);
        return client.createMultipartUpload(create.build())
                .handle((r, e) -> {
                    if (e != null) {
                        throw S3Errors.translate(e, what + " (create multipart upload)");
                    }
                    return r.uploadId();
                })
                .thenCompose(uploadId -> uploadParts(uploadId)
                        .thenCompose(parts -> client.completeMultipartUpload(b -> {
                            b.bucket(options.bucket()).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts));
                            if (ifAbsent) {
                                b.ifNoneMatch("*");
                            }
                        }))
                        .handle((r, e) -> {
                            if (e == null) {
                                return PutResult.CREATED;
                            }
                            abort(uploadId);
                            if (ifAbsent && S3Errors.status(e) == 412) {
                                return PutResult.EXISTED;
                            }
                            throw S3Errors.translate(e, what + " (multipart upload " + uploadId + ")");
                        }));
    }

    private CompletionStage<List<CompletedPart>> uploadParts(String uploadId) {
        int size = options.partSize();
        int count = (int) ((bytes.length + (long) size - 1) / size);
        var parts = new CompletedPart[count];
        int lanes = Math.min(options.partConcurrency(), count);
        var laneFutures = new CompletableFuture<?>[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int p = lane; p < count; p += lanes) {
                int index = p;
                chain = chain.thenCompose(ignored -> uploadPart(uploadId, index, size).thenAccept(part -> parts[index] = part));
            }
            laneFutures[lane] = chain;
        }
        return CompletableFuture.allOf(laneFutures).thenApply(ignored -> Arrays.asList(parts));
    }

    private CompletableFuture<CompletedPart> uploadPart(String uploadId, int index, int size) {
        int offset = index * size;
        int length = Math.min(size, bytes.length - offset);
        return client.uploadPart(b -> b.bucket(options.bucket()).key(key).uploadId(uploadId).partNumber(index + 1)
                        .contentLength((long) length),
                AsyncRequestBody.fromByteBufferUnsafe(S3ObjectStore.slice(bytes, offset, length)))
                .thenApply(r -> S3ObjectStore.part(index + 1, r.eTag()));
    }

    private void abort(String uploadId) {
        client.abortMultipartUpload(b -> b.bucket(options.bucket()).key(key).uploadId(uploadId));
    }
}
