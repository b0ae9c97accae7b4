package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.events.Event;
import org.wren4j.exec.events.EventLog;
import org.wren4j.exec.provision.aws.LambdaLauncher;
import org.wren4j.exec.services.ServiceEndpoints;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.services.WorkerOptions;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.LoopbackLambda;
import org.wren4j.exec.testing.ServicesFixture;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.TileStore;

/**
 * Workers as Lambda invocations through LambdaAsyncClient, against a loopback endpoint that runs
 * the handler: a Cholesky on Redis + ElasticMQ + s3proxy gives the bits of the in-memory run,
 * also when each invocation's time is so short that workers stop at their runtime limit.
 */
class LambdaWorkersIT {
    private static final CholeskyCase CASE = new CholeskyCase(600, 64, 21);

    @Test
    void choleskyOnLambdaWorkersIsBitwiseEqualToMemory() {
        // 4 s invocations, stopping 2 s before the deadline: workers are replaced mid-job
        try (LoopbackLambda lambda = LoopbackLambda.start(4_000)) {
            LambdaLauncher launcher = runOn(lambda, "on-lambda");
            assertThat(lambda.invocations()).isPositive();
            assertThat(lambda.throttled()).isZero();
            assertThat(launcher.throttles()).isZero();
        }
    }

    /**
     * A function whose concurrency is used up answers 429: the launcher counts the throttles,
     * pauses its launches, and the job finishes on the invocations Lambda lets run.
     */
    @Test
    void throttledInvocationsAreCountedAndBackedOffAndTheJobFinishes() {
        var events = new java.util.concurrent.CopyOnWriteArrayList<Event>();
        var before = EventLog.install(events::add);
        try (LoopbackLambda lambda = LoopbackLambda.start(4_000, 1)) {
            LambdaLauncher launcher = runOn(lambda, "throttled");
            System.out.printf("throttled: %d invocations refused by the endpoint, %d throttles seen by the launcher%n",
                    lambda.throttled(), launcher.throttles());
            assertThat(lambda.throttled()).isPositive();
            assertThat(launcher.throttles()).isPositive();
            // each throttle the launcher saw pauses it: far fewer than one refusal per provisioner period (50 ms)
            assertThat(launcher.throttles()).isLessThanOrEqualTo(lambda.throttled());
            assertThat(events.stream().filter(Event.Throttled.class::isInstance).count()).isEqualTo(launcher.throttles());
        } finally {
            EventLog.install(before);
        }
    }

    /** A Cholesky on Redis + ElasticMQ + s3proxy with workers invoked on {@code lambda}, checked bit for bit against memory. */
    private static LambdaLauncher runOn(LoopbackLambda lambda, String jobId) {
        TileStore memory = TileStore.inMemory();
        CASE.writeInput(memory, "A");
        try (var engine = ExecEngine.embedded(memory, EngineConfig.defaults().withMaxWorkers(2))) {
            engine.run(CASE.spec("reference", "A", "L"), ProgressListener.NONE);
        }
        double[] reference = CASE.readFactor(memory, "L");

        var worker = new WorkerConfig(2, Duration.ofSeconds(3), Duration.ofSeconds(1), 5, Duration.ofMillis(20));
        try (ServicesFixture fixture = ServicesFixture.start(false)) {
            ServiceEndpoints e = fixture.endpoints();
            var event = new LinkedHashMap<>(e.toMap());
            event.putAll(WorkerOptions.toMap(worker, 0));
            event.put("margin-ms", "2000");
            Services s = Services.open(e);
            CASE.writeInput(s.store(), "A");
            var config = EngineConfig.defaults().withMaxWorkers(3).withWorker(worker);
            LambdaLauncher[] launcher = new LambdaLauncher[1];
            try (var engine = ExecEngine.withServices(s.store(), s.queue(), s.state(), config, h -> {
                launcher[0] = LambdaLauncher.create(lambda.endpoint(), "us-east-1", "wren4j", "wren4j", "wren4j-worker", event);
                return launcher[0];
            })) {
                JobResult r = engine.run(CASE.spec(jobId, "A", "L"), ProgressListener.NONE);
                System.out.printf("lambda: %d tasks, %d executions, %d invocations, %.1f s, %.1f worker-seconds%n",
                        r.tasks(), r.executions(), lambda.invocations(), r.seconds(), r.workerSeconds());
                assertThat(r.tasks()).isEqualTo(CASE.tasks());
                CholeskyCase.assertBitwiseEqual(CASE.readFactor(s.store(), "L"), reference);
                assertThat(lambda.errors()).isZero();
                assertThat(launcher[0].failures()).isZero();
                assertThat(r.workerSeconds()).isPositive();
                return launcher[0];
            } finally {
                s.store().close();
            }
        }
    }
}
