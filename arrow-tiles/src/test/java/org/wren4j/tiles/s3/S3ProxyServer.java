package org.wren4j.tiles.s3;

import java.net.URI;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * A real S3-compatible server (s3proxy, in-memory blob store) on 127.0.0.1 and a random port,
 * started once per test JVM from the test classpath and stopped at exit. Fails loudly if it
 * cannot start: S3 tests never skip.
 */
public final class S3ProxyServer {
    static final String ACCESS_KEY = "wren4j-access";
    static final String SECRET_KEY = "wren4j-secret";
    static final String REGION = "us-east-1";

    private static S3ProxyServer shared;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3AsyncClient client;
    private final AtomicInteger buckets = new AtomicInteger();

    private S3ProxyServer() throws Exception {
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
                throw new IllegalStateException("s3proxy did not start within 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3ObjectStore.compatibleClient(endpoint, REGION, ACCESS_KEY, SECRET_KEY);
    }

    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            try {
                shared = new S3ProxyServer();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start s3proxy on 127.0.0.1: " + e, e);
            }
            S3ProxyServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.client.close();
                    s.proxy.stop();
                } catch (Exception e) {
                    // exiting anyway
                }
            }));
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new empty bucket. */
    public String newBucket() {
        String bucket = "wren4j-test-" + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket)).join();
        return bucket;
    }

    /** A store on the shared client; closing it leaves the client open. */
    public S3ObjectStore connect(S3Options options) {
        return new S3ObjectStore(client, options);
    }
}
