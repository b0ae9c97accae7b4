package org.wren4j.tiles.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * A real S3-compatible server (s3proxy, in-memory blob store) on 127.0.0.1 and a port the OS
 * picks. Fails loudly if it cannot start: S3 tests never skip. Published in this module's
 * test-jar for the other modules' tests; they bring their own s3proxy test dependency.
 *
 * <p>{@link #main} runs one as a process of its own, its objects as files in a directory, so a
 * test can kill it, freeze it (SIGSTOP) or start it again on the same data.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String REGION = "us-east-1";
    static final String ACCESS_KEY = "wren4j-access";
    static final String SECRET_KEY = "wren4j-secret";

    private static S3ProxyServer shared;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3AsyncClient client;
    private final String bucketPrefix;
    private final AtomicInteger buckets = new AtomicInteger();

    private S3ProxyServer(String accessKey, String secretKey, String bucketPrefix) throws Exception {
        this(BlobStores.create("transient-nio2", new Properties()), 0, accessKey, secretKey, bucketPrefix);
    }

    private S3ProxyServer(BlobStore blobs, int port, String accessKey, String secretKey, String bucketPrefix) throws Exception {
        this.bucketPrefix = bucketPrefix;
        proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                proxy.stop();
                throw new IllegalStateException("s3proxy did not start within 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3ObjectStore.compatibleClient(endpoint, REGION, accessKey, secretKey);
    }

    /**
     * A server of the caller's own, to {@link #close()}.
     *
     * @param bucketPrefix what {@link #newBucket()} names start with
     * @throws IllegalStateException if it cannot start
     */
    public static S3ProxyServer start(String accessKey, String secretKey, String bucketPrefix) {
        try {
            return new S3ProxyServer(accessKey, secretKey, bucketPrefix);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy on 127.0.0.1: " + e, e);
        }
    }

    /**
     * Runs a server in this process until it is killed: {@code PORT DIR ACCESS_KEY SECRET_KEY},
     * its objects (buckets as directories) as files under DIR, so one started again on the same
     * DIR serves what the last one stored. Prints "ready" once it serves.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: S3ProxyServer PORT DIR ACCESS_KEY SECRET_KEY");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[1]));
        var properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dir.toString());
        var server = new S3ProxyServer(BlobStores.create("filesystem-nio2", properties), Integer.parseInt(args[0]), args[2], args[3], "");
        server.client.close();
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }

    /** One server per test JVM, started on first use and stopped at exit. */
    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            S3ProxyServer s = start(ACCESS_KEY, SECRET_KEY, "wren4j-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            shared = s;
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The raw client, to look at a bucket behind a store's back. */
    public S3AsyncClient client() {
        return client;
    }

    /** A new empty bucket. */
    public String newBucket() {
        String bucket = bucketPrefix + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket)).join();
        return bucket;
    }

    /** A store on the shared client; closing it (as a session does) leaves the client open. */
    public S3ObjectStore connect(S3Options options) {
        return new S3ObjectStore(client, options);
    }

    @Override
    public void close() {
        try {
            client.close();
            proxy.stop();
        } catch (Exception e) {
            // stopping a test server
        }
    }
}
