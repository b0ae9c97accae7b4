package org.wren4j.cli;

import java.net.URI;
import java.util.Properties;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * The JVM servers {@code wren4j services up} starts in the background on 127.0.0.1:
 * {@code sqs PORT} (ElasticMQ) or {@code s3 PORT BUCKET DIR} (s3proxy, blobs as files under DIR, accepting
 * the credentials wren4j/wren4j that the services client uses by default, with the bucket made).
 * Each runs until killed; "ready" on standard output says it listens.
 */
public final class LocalServer {
    static final String KEY = "wren4j";

    private LocalServer() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length < 2) {
            System.err.println("usage: LocalServer sqs PORT | s3 PORT BUCKET DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(argv[1]);
        switch (argv[0]) {
            case "sqs" -> SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start().waitUntilStarted();
            case "s3" -> {
                // files, not memory: tiles of a large matrix outgrow any heap we would give the server
                var properties = new Properties();
                properties.setProperty("jclouds.filesystem.basedir", argv[3]);
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(argv[3]));
                BlobStore blobs = BlobStores.create("filesystem-nio2", properties);
                blobs.createContainer(argv[2]);
                S3Proxy proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:" + port))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, KEY).ignoreUnknownHeaders(true).build();
                proxy.start();
                while (!"STARTED".equals(proxy.getState())) {
                    Thread.sleep(10);
                }
            }
            default -> {
                System.err.println("unknown server " + argv[0]);
                System.exit(2);
            }
        }
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
