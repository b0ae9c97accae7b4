package org.wren4j.exec.testing;

import java.net.URI;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.wren4j.tiles.s3.S3ObjectStore;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * An S3-compatible server (s3proxy, in-memory blobs) in this JVM on 127.0.0.1 and a free port,
 * accepting the credentials {@code wren4j}/{@code wren4j} that {@link org.wren4j.exec.services.Services}
 * uses by default, so worker processes reach it without configuration. Failing to start throws.
 */
public final class LocalS3 implements AutoCloseable {
    public static final String KEY = "wren4j";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final S3Proxy proxy;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public static LocalS3 start() {
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("transient-nio2", new Properties()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, KEY)
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start within 30 s (state " + proxy.getState() + ")");
                }
                Thread.sleep(10);
            }
            return new LocalS3(proxy);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy on 127.0.0.1: " + e, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a new empty bucket and returns its name. */
    public String newBucket() {
        String bucket = "wren4j-exec-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        try (S3AsyncClient client = S3ObjectStore.compatibleClient(endpoint, "us-east-1", KEY, KEY)) {
            client.createBucket(b -> b.bucket(bucket)).join();
        }
        return bucket;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a test server
        }
    }
}
