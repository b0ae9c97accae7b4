package org.wren4j.exec.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.exec.aws.LambdaWorkerHandler;
import org.wren4j.exec.services.FlatJson;

/**
 * The Lambda Invoke API on 127.0.0.1 ({@code POST /2015-03-31/functions/{name}/invocations}),
 * running {@link LambdaWorkerHandler} in this JVM for each call, each on a thread of its own,
 * with a deadline of {@code timeoutMillis}. A handler exception answers with
 * {@code X-Amz-Function-Error: Unhandled}, as Lambda does.
 */
public final class LoopbackLambda implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final long timeoutMillis;
    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    private final int concurrency;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();

    private LoopbackLambda(long timeoutMillis, int concurrency) throws IOException {
        this.timeoutMillis = timeoutMillis;
        this.concurrency = concurrency;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2015-03-31/functions/", this::invoke);
        server.setExecutor(threads);
        server.start();
    }

    public static LoopbackLambda start(long timeoutMillis) {
        return start(timeoutMillis, Integer.MAX_VALUE);
    }

    /**
     * As {@link #start(long)}, with at most {@code concurrency} invocations running at once (a
     * function's reserved concurrency): one more is refused with 429 {@code TooManyRequestsException}, as Lambda does.
     */
    public static LoopbackLambda start(long timeoutMillis, int concurrency) {
        try {
            return new LoopbackLambda(timeoutMillis, concurrency);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the loopback Lambda endpoint", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int invocations() {
        return invocations.get();
    }

    public int errors() {
        return errors.get();
    }

    /** Invocations refused with 429 because {@code concurrency} were running. */
    public int throttled() {
        return throttled.get();
    }

    private void invoke(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"POST".equals(ex.getRequestMethod()) || !path.endsWith("/invocations")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (running.incrementAndGet() > concurrency) {
                running.decrementAndGet();
                throttled.incrementAndGet();
                byte[] refusal = FlatJson.write(Map.of("Type", "User", "message", "Rate Exceeded.",
                        "Reason", "ReservedFunctionConcurrentInvocationLimitExceeded")).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.getResponseHeaders().add("X-Amzn-ErrorType", "TooManyRequestsException");
                ex.sendResponseHeaders(429, refusal.length);
                ex.getResponseBody().write(refusal);
                return;
            }
            try {
                run(ex);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private void run(HttpExchange ex) throws IOException {
        invocations.incrementAndGet();
        Map<String, String> event = FlatJson.read(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String body;
        int status = 200;
        try {
            body = "\"" + new LambdaWorkerHandler().handleRequest(event, context(deadline)) + "\"";
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            ex.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            body = FlatJson.write(Map.of("errorMessage", String.valueOf(e), "errorType", e.getClass().getName()));
        }
        if ("Event".equals(ex.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))) {
            status = 202;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static Context context(long deadline) {
        return new Context() {
            public String getAwsRequestId() {
                return "loopback";
            }

            public String getLogGroupName() {
                return "loopback";
            }

            public String getLogStreamName() {
                return "loopback";
            }

            public String getFunctionName() {
                return "wren4j-worker";
            }

            public String getFunctionVersion() {
                return "$LATEST";
            }

            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:000000000000:function:wren4j-worker";
            }

            public CognitoIdentity getIdentity() {
                return null;
            }

            public ClientContext getClientContext() {
                return null;
            }

            public int getRemainingTimeInMillis() {
                return (int) Math.max(0, deadline - System.currentTimeMillis());
            }

            public int getMemoryLimitInMB() {
                return 1024;
            }

            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    public void log(String message) {
                        System.err.println(message);
                    }

                    public void log(byte[] message) {
                        System.err.println(new String(message, StandardCharsets.UTF_8));
                    }
                };
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
