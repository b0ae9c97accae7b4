package org.wren4j.tiles.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wren4j.tiles.AbstractTileStoreTest;
import org.wren4j.tiles.Backoff;
import org.wren4j.tiles.MissingTileException;
import org.wren4j.tiles.RetryPolicy;
import org.wren4j.tiles.StoreUnavailableException;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileException;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;
import org.wren4j.tiles.TransientStoreException;

/** Retries, unreachable endpoints, permanent errors and encryption, on loopback servers. */
class S3FailureIT {
    private static final RetryPolicy QUICK = new RetryPolicy(4, Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(10)));

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** A loopback HTTP server answering 503 SlowDown to the first {@code throttled} requests, then 200 with {@code body}. */
    private URI throttlingServer(int throttled, byte[] body, AtomicInteger requests) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() <= throttled) {
                byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                        + "<Message>Please reduce your request rate.</Message></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(503, error.length);
                exchange.getResponseBody().write(error);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        http.start();
        toClose.add(() -> http.stop(0));
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private S3ObjectStore store(URI endpoint, S3Options options) {
        S3ObjectStore s = S3ObjectStore.connect(endpoint, S3ProxyServer.REGION, "a", "b", options);
        toClose.add(s);
        return s;
    }

    @Test
    void throttlingIsRetriedWithBackoffUntilItPasses() throws Exception {
        var requests = new AtomicInteger();
        byte[] body = {1, 2, 3};
        S3ObjectStore s = store(throttlingServer(3, body, requests), S3Options.builder("b").retryPolicy(QUICK).build());
        assertThat(s.get("k").toCompletableFuture().join()).hasValue(body);
        assertThat(requests).hasValue(4);
    }

    @Test
    void persistentThrottlingGivesUpSayingWhatWasTried() throws Exception {
        var requests = new AtomicInteger();
        URI endpoint = throttlingServer(Integer.MAX_VALUE, new byte[0], requests);
        S3ObjectStore s = store(endpoint, S3Options.builder("b").retryPolicy(QUICK).build());
        assertThatThrownBy(() -> s.get("wren4j/A/00/0_0").toCompletableFuture().join())
                .cause().isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("GET wren4j/A/00/0_0").hasMessageContaining(endpoint.toString())
                .hasMessageContaining("after 4 attempts").hasMessageContaining("503").hasMessageContaining("SlowDown")
                .hasCauseInstanceOf(TransientStoreException.class);
        assertThat(requests).hasValue(4);
    }

    @Test
    void unreachableEndpointFailsNamingTheEndpointAndAttempts() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try (TileStore tiles = new TileStore(store(endpoint, S3Options.builder("b").retryPolicy(QUICK).build()), "wren4j")) {
            assertThatThrownBy(() -> AbstractTileStoreTest.join(tiles.read(TileKey.of("A", 0, 0))))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("after 4 attempts").hasMessageContaining("GET");
        }
    }

    @Test
    void permanentErrorsAreNotRetried() {
        S3ProxyServer server = S3ProxyServer.shared();
        S3ObjectStore wrongKey = S3ObjectStore.connect(server.endpoint(), S3ProxyServer.REGION, "nobody", "wrong",
                S3Options.builder(server.newBucket()).retryPolicy(QUICK).build());
        toClose.add(wrongKey);
        assertThatThrownBy(() -> wrongKey.get("k").toCompletableFuture().join())
                .cause().isInstanceOf(TileException.class).isNotInstanceOf(TransientStoreException.class)
                .isNotInstanceOf(StoreUnavailableException.class).hasMessageContaining("HTTP 403");
        S3ObjectStore noBucket = server.connect(S3Options.builder("no-such-bucket").retryPolicy(QUICK).build());
        toClose.add(noBucket);
        assertThatThrownBy(() -> noBucket.put("k", new byte[1]).toCompletableFuture().join())
                .cause().isInstanceOf(TileException.class).hasMessageContaining("no-such-bucket").hasMessageContaining("HTTP 404");
    }

    @Test
    void serverSideEncryptionIsRequestedOnEveryWrite() {
        S3ProxyServer server = S3ProxyServer.shared();
        S3ObjectStore s = server.connect(S3Options.builder(server.newBucket()).encryption(S3Options.Encryption.AES256)
                .multipart(S3Options.MIN_PART_SIZE, S3Options.MIN_PART_SIZE).build());
        toClose.add(s);
        s.put("small", new byte[] {4, 5}).toCompletableFuture().join();
        s.putIfAbsent("large", new byte[S3Options.MIN_PART_SIZE + 1]).toCompletableFuture().join();
        assertThat(s.get("small").toCompletableFuture().join()).hasValue(new byte[] {4, 5});
        assertThat(s.encryptionOf("small").toCompletableFuture().join()).hasValue("AES256");
        assertThat(s.encryptionOf("large").toCompletableFuture().join()).hasValue("AES256");
    }

    @Test
    void missingTilesOnS3AreMissingNotUnavailable() {
        S3ProxyServer server = S3ProxyServer.shared();
        try (TileStore tiles = new TileStore(server.connect(S3Options.builder(server.newBucket()).build()), "wren4j")) {
            assertThatThrownBy(() -> AbstractTileStoreTest.join(tiles.read(TileKey.of("A", 0, 0))))
                    .isInstanceOf(MissingTileException.class).hasMessageContaining("s3://");
            AbstractTileStoreTest.join(tiles.write(TileKey.of("A", 0, 0), Tile.zeros(2, 2)));
            assertThat(AbstractTileStoreTest.join(tiles.read(TileKey.of("A", 0, 0)))).isEqualTo(Tile.zeros(2, 2));
        }
    }
}
