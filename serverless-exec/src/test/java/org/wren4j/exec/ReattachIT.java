package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.services.ServiceEndpoints;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.state.JobState;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.ServicesFixture;
import org.wren4j.exec.testing.SubmitMain;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.TileStore;

/**
 * A client process submits a job and is killed (SIGKILL) mid-run, its worker threads with it;
 * a new client that knows only the job id re-attaches, starts workers and gets the result,
 * bitwise equal to the in-memory run.
 */
class ReattachIT {
    private static final CholeskyCase CASE = new CholeskyCase(1024, 64, 9);

    @Test
    void aNewClientFinishesTheJobOfAKilledClient() throws Exception {
        TileStore memory = TileStore.inMemory();
        CASE.writeInput(memory, "A");
        try (var engine = ExecEngine.embedded(memory, EngineConfig.defaults().withMaxWorkers(2))) {
            engine.run(CASE.spec("reference", "A", "L"), ProgressListener.NONE);
        }
        double[] reference = CASE.readFactor(memory, "L");

        try (ServicesFixture fixture = ServicesFixture.start(false)) {
            ServiceEndpoints e = fixture.endpoints();
            String jobId = "reattach-" + ProcessHandle.current().pid();
            var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    SubmitMain.class.getName(), Integer.toString(CASE.n()), Integer.toString(CASE.block()),
                    Long.toString(CASE.seed()), jobId));
            cmd.addAll(e.toArgs());
            Path log = Files.createTempFile("wren4j-client", ".log");
            Process client = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Services s = Services.open(e);
            long killedAt;
            try {
                JobState st = null;
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (System.nanoTime() < deadline) {
                    try {
                        st = s.state().state(jobId).toCompletableFuture().join();
                        if (st.completed() >= 0.3 * st.total()) {
                            break;
                        }
                    } catch (java.util.concurrent.CompletionException notYet) {
                        // the client has not submitted yet
                    }
                    assertThat(client.isAlive()).as("client alive; its log: %s", log).isTrue();
                    Thread.sleep(5);
                }
                client.destroyForcibly();
                client.waitFor();
                killedAt = s.state().state(jobId).toCompletableFuture().join().completed();
                assertThat(killedAt).as("killed mid-run").isLessThan(CASE.tasks());
                assertThat(Files.readString(log)).doesNotContain("finished");

                var config = EngineConfig.defaults().withMaxWorkers(2)
                        .withWorker(new WorkerConfig(2, Duration.ofSeconds(3), Duration.ofMillis(500), 5, Duration.ofMillis(20)));
                try (var engine = ExecEngine.withServices(s.store(), s.queue(), s.state(), config)) {
                    JobResult r = engine.await(jobId, Optional.of(Duration.ofMinutes(3)), ProgressListener.NONE);
                    System.out.printf("re-attach: client killed at %d/%d tasks; the new client finished in %.1f s (%d executions, %d repeated)%n",
                            killedAt, r.tasks(), r.seconds(), r.executions(), r.metrics().repeatedExecutions());
                    assertThat(r.tasks()).isEqualTo(CASE.tasks());
                    CholeskyCase.assertBitwiseEqual(CASE.readFactor(s.store(), "L"), reference);
                    assertThat(s.store().listMatrixKeys(CholeskyCase.temporary(jobId)).toCompletableFuture().join()).isEmpty();
                }
            } finally {
                client.destroyForcibly();
                s.store().close();
            }
        }
    }
}
