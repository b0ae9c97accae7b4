package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.LambdaWorkers;
import org.wren4j.api.Wren;
import org.wren4j.devservices.DevServices;
import org.wren4j.exec.testing.LoopbackLambda;

/**
 * {@code Wren.builder().services(...).lambda(...)}: a session whose workers are Lambda invocations,
 * here of a loopback endpoint that runs the worker handler in this JVM with a 4 s deadline, so
 * workers end and are replaced mid-job, against real Redis, ElasticMQ and s3proxy.
 */
class LambdaSessionIT {
    @Test
    void aSessionOnLambdaWorkersComputesWhatTheEmbeddedOneDoes(@TempDir Path dir) {
        double[][] expected;
        try (Wren embedded = Wren.builder().workers(2).build()) {
            expected = embedded.randomSpd(96, 32, 11).cholesky().toArray();
        }
        try (DevServices dev = DevServices.start(dir); LoopbackLambda lambda = LoopbackLambda.start(4_000);
             Wren wren = Wren.builder().workers(3).pipelineWidth(2).leaseTimeout(Duration.ofSeconds(3)).idleTimeout(Duration.ofSeconds(1))
                     .services(dev.endpoints())
                     .lambda(LambdaWorkers.function("wren4j-worker").withEndpoint(lambda.endpoint()).withMargin(Duration.ofSeconds(2)))
                     .build()) {
            BlockMatrix l = wren.randomSpd(96, 32, 11).cholesky();
            double[][] actual = l.toArray();
            assertThat(actual).isEqualTo(expected); // same tiles, same kernels: bit for bit
            assertThat(lambda.invocations()).as("Lambda invocations").isPositive();
            assertThat(lambda.errors()).isZero();
        }
    }

    @Test
    void lambdaWithoutServicesIsRefusedAtBuild() {
        assertThatThrownBy(() -> Wren.builder().lambda(LambdaWorkers.function("f")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs services(");
    }
}
