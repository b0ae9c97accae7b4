package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
        TileStore memory = TileStore.inMemory();
        CASE.writeInput(memory, "A");
        try (var engine = ExecEngine.embedded(memory, EngineConfig.defaults().withMaxWorkers(2))) {
            engine.run(CASE.spec("reference", "A", "L"), ProgressListener.NONE);
        }
        double[] reference = CASE.readFactor(memory, "L");

        // 4 s invocations, stopping 2 s before the deadline: workers are replaced mid-job
        var worker = new WorkerConfig(2, Duration.ofSeconds(3), Duration.ofSeconds(1), 5, Duration.ofMillis(20));
        try (ServicesFixture fixture = ServicesFixture.start(false); LoopbackLambda lambda = LoopbackLambda.start(4_000)) {
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
                JobResult r = engine.run(CASE.spec("on-lambda", "A", "L"), ProgressListener.NONE);
                System.out.printf("lambda: %d tasks, %d executions, %d invocations, %.1f s, %.1f worker-seconds%n",
                        r.tasks(), r.executions(), lambda.invocations(), r.seconds(), r.workerSeconds());
                assertThat(r.tasks()).isEqualTo(CASE.tasks());
                CholeskyCase.assertBitwiseEqual(CASE.readFactor(s.store(), "L"), reference);
                assertThat(lambda.invocations()).isPositive();
                assertThat(lambda.errors()).isZero();
                assertThat(launcher[0].failures()).isZero();
                assertThat(r.workerSeconds()).isPositive();
            } finally {
                s.store().close();
            }
        }
    }
}
