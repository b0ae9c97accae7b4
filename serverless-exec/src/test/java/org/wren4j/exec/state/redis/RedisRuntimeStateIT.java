package org.wren4j.exec.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.state.AbstractRuntimeStateTest;
import org.wren4j.exec.state.ChildCount;
import org.wren4j.exec.state.JobStatus;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.testing.LocalRedis;

/** The runtime-state contract against a real redis-server on loopback, plus what only Redis has. */
class RedisRuntimeStateIT extends AbstractRuntimeStateTest {
    private static LocalRedis redis;

    @BeforeAll
    static void startServer() {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stopServer() {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected RuntimeState newState() {
        return RedisRuntimeState.connect(redis.uri(), RedisStateOptions.create());
    }

    private static <T> T withRawConnection(String uri, java.util.function.Function<StatefulRedisConnection<String, String>, T> body) {
        RedisClient client = RedisClient.create(uri);
        try (var c = client.connect()) {
            return body.apply(c);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void keysCarryTheNamespaceAndTheJobAsHashTag() {
        join(state.startJob(job, 2));
        complete("a", new ChildCount("b", 2));
        List<String> keys = RedisRuntimeStateIT.<List<String>>withRawConnection(redis.uri(), c -> c.sync().keys("wren4j:{" + job + "}:*"));
        assertThat(keys).containsExactlyInAnyOrder("wren4j:{" + job + "}:job", "wren4j:{" + job + "}:done", "wren4j:{" + job + "}:remaining");
        join(state.deleteJob(job));
        List<String> left = RedisRuntimeStateIT.<List<String>>withRawConnection(redis.uri(), c -> c.sync().keys("wren4j:{" + job + "}:*"));
        assertThat(left).isEmpty();
    }

    @Test
    void flushedScriptsAreLoadedAgain() {
        join(state.startJob(job, 3));
        complete("a", new ChildCount("c", 2));
        withRawConnection(redis.uri(), c -> c.sync().scriptFlush());
        assertThat(complete("b", new ChildCount("c", 2))).containsExactly("c");
        withRawConnection(redis.uri(), c -> c.sync().scriptFlush());
        join(state.fail(job, "boom"));
        assertThat(jobState().error()).contains("boom");
    }

    @Test
    void passwordInTheUriIsUsed() {
        try (LocalRedis secured = LocalRedis.start(false, "s3cret")) {
            try (var s = RedisRuntimeState.connect(secured.uri(), RedisStateOptions.create())) {
                join(s.startJob("j", 1));
                assertThat(join(s.complete("j", "t", List.of()))).isEmpty();
                assertThat(join(s.state("j")).status()).isEqualTo(JobStatus.SUCCEEDED);
            }
            String noPassword = "redis://127.0.0.1:" + secured.port();
            String wrongPassword = "redis://:wrong@127.0.0.1:" + secured.port();
            var quick = RedisStateOptions.builder().commandTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> RedisRuntimeState.connect(noPassword, quick)).rootCause().hasMessageContaining("NOAUTH");
            assertThatThrownBy(() -> RedisRuntimeState.connect(wrongPassword, quick)).rootCause().hasMessageContaining("WRONGPASS");
        }
    }

    @Test
    void tlsFromTheUriWithATrustedCertificate() {
        try (LocalRedis secure = LocalRedis.startTls()) {
            assertThat(secure.uri()).startsWith("rediss://");
            var trusting = RedisStateOptions.builder().trustedCertificates(secure.certificate()).build();
            try (var s = RedisRuntimeState.connect(secure.uri(), trusting)) {
                join(s.startJob("j", 2));
                assertThat(join(s.complete("j", "a", List.of(new ChildCount("b", 1))))).containsExactly("b");
            }
            // the self-signed certificate is not in the JDK's trust store
            var quick = RedisStateOptions.builder().connectTimeout(Duration.ofSeconds(5)).commandTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> RedisRuntimeState.connect(secure.uri(), quick)).isInstanceOf(RuntimeException.class);
            // nor does a plain connection get through
            assertThatThrownBy(() -> RedisRuntimeState.connect("redis://127.0.0.1:" + secure.port(), quick)).isInstanceOf(RuntimeException.class);
        }
    }

    /**
     * Redis is killed (SIGKILL) halfway through a job and restarted on the same data: with an
     * append-only file every completed step survives, a completion sent while the server is
     * down runs after the reconnect, and every child still comes back exactly once.
     */
    @Test
    void stateSurvivesARestartWithAppendOnlyFile() {
        try (LocalRedis durable = LocalRedis.start(true, null);
             var s = RedisRuntimeState.connect(durable.uri(), RedisStateOptions.create())) {
            var dag = DagForRestart.chain(60);
            join(s.startJob("r", dag.size()));
            var returned = new HashMap<String, Integer>();
            for (int i = 0; i < 30; i++) {
                join(s.complete("r", "p" + i, dag.get(i))).forEach(c -> returned.merge(c, 1, Integer::sum));
            }
            durable.kill();
            // issued while the server is down: waits for the reconnect
            CompletableFuture<List<String>> during = s.complete("r", "p30", dag.get(30)).toCompletableFuture();
            durable.restart();
            during.join().forEach(c -> returned.merge(c, 1, Integer::sum));
            assertThat(join(s.state("r")).completed()).isEqualTo(31);
            // a replay after the restart counts nothing twice
            join(s.complete("r", "p30", dag.get(30)));
            for (int i = 31; i < 60; i++) {
                join(s.complete("r", "p" + i, dag.get(i))).forEach(c -> returned.merge(c, 1, Integer::sum));
            }
            assertThat(returned).hasSize(59).allSatisfy((c, n) -> assertThat(n).isEqualTo(1));
            assertThat(join(s.state("r")).completed()).isEqualTo(60);
            assertThat(join(s.state("r")).status()).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    /** Parents p0..p(n-1); child q_i has parents p_i and p_(i+1). */
    private static final class DagForRestart {
        static List<List<ChildCount>> chain(int n) {
            var out = new ArrayList<List<ChildCount>>();
            for (int i = 0; i < n; i++) {
                var cs = new ArrayList<ChildCount>();
                if (i > 0) {
                    cs.add(new ChildCount("q" + (i - 1), 2));
                }
                if (i < n - 1) {
                    cs.add(new ChildCount("q" + i, 2));
                }
                out.add(cs);
            }
            return out;
        }
    }

    /** Prints complete() throughput on loopback; asserts only the counts. */
    @Test
    void measureCompleteThroughput() throws Exception {
        int tasks = 20_000;
        join(state.startJob(job, tasks));
        // warm-up and latency: one at a time
        long t0 = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            complete("s" + i, new ChildCount("c" + i, 2), new ChildCount("c" + (i + 1), 2));
        }
        double serialOps = 2_000 / ((System.nanoTime() - t0) / 1e9);
        // pipelined: up to 256 scripts in flight
        var window = new Semaphore(256);
        var all = new ArrayList<CompletableFuture<List<String>>>();
        long t1 = System.nanoTime();
        for (int i = 2_000; i < tasks; i++) {
            window.acquire();
            var f = state.complete(job, "s" + i, List.of(new ChildCount("c" + i, 2), new ChildCount("c" + (i + 1), 2))).toCompletableFuture();
            f.whenComplete((r, e) -> window.release());
            all.add(f);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double pipelinedOps = (tasks - 2_000) / ((System.nanoTime() - t1) / 1e9);
        System.out.printf("RedisRuntimeState.complete on loopback: %.0f ops/s one at a time (%.1f us each), %.0f ops/s with 256 in flight%n",
                serialOps, 1e6 / serialOps, pipelinedOps);
        assertThat(jobState().completed()).isEqualTo(tasks);
        assertThat(jobState().status()).isEqualTo(JobStatus.SUCCEEDED);
    }
}
