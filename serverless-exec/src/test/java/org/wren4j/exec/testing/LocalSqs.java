package org.wren4j.exec.testing;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.wren4j.exec.queue.sqs.SqsQueueOptions;

/**
 * An ElasticMQ server (SQS's protocol) in this JVM on 127.0.0.1 and a free port, for
 * integration tests. Failing to start throws.
 */
public final class LocalSqs implements AutoCloseable {
    private SQSRestServer server;
    private final int port;

    private LocalSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LocalSqs start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new LocalSqs(server, port);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops the server and starts a new one on the same port, as an operator's restart would: in-memory queues are gone. */
    public synchronized void restart() {
        server.stopAndWait();
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        server.waitUntilStarted();
    }

    /** Options for this server: any region, static dummy credentials. */
    public SqsQueueOptions.Builder options() {
        return SqsQueueOptions.builder().region("us-east-1").staticCredentials("wren4j", "wren4j");
    }

    @Override
    public synchronized void close() {
        server.stopAndWait();
    }
}
