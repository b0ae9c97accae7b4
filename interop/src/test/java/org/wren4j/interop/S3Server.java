package org.wren4j.interop;

import java.net.URI;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.wren4j.tiles.s3.S3ObjectStore;
import org.wren4j.tiles.s3.S3Options;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * A real S3-compatible server for interop's S3 tests: s3proxy over an in-memory blob store on
 * 127.0.0.1 and a port the OS picks, started once per test JVM and stopped at exit. If it cannot
 * start, every S3 test fails with the reason: they never skip.
 */
final class S3Server {
    private static final String ACCESS_KEY = "interop-access";
    private static final String SECRET_KEY = "interop-secret";
    private static final String REGION = "us-east-1";
    private static S3Server shared;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3AsyncClient client;
    private final AtomicInteger buckets = new AtomicInteger();

    private S3Server() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient-nio2", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy not started after 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3ObjectStore.compatibleClient(endpoint, REGION, ACCESS_KEY, SECRET_KEY);
    }

    static synchronized S3Server shared() {
        if (shared == null) {
            try {
                shared = new S3Server();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start s3proxy on 127.0.0.1: " + e, e);
            }
            S3Server s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.client.close();
                    s.proxy.stop();
                } catch (Exception e) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return shared;
    }

    URI endpoint() {
        return endpoint;
    }

    /** The raw client, to look at the bucket behind the store's back. */
    S3AsyncClient client() {
        return client;
    }

    /** A new, empty bucket. */
    String newBucket() {
        String bucket = "interop-" + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket)).join();
        return bucket;
    }

    /** A store on the shared client: closing it (as a session does) leaves the client open. */
    S3ObjectStore store(S3Options options) {
        return new S3ObjectStore(client, options);
    }
}
