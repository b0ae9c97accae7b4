package org.wren4j.exec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesTest {
    /** An hour-long job: 1,000 worker-seconds from 10 launches, a million queue requests and GETs, 100,000 PUTs, 100 workers at peak. */
    private static final SimResult JOB = new SimResult(3600, 5, 5, 1000, 900, 100, 10,
            new SimResult.Requests(1_000_000, 0, 1_000_000, 100_000, 0, 0), new Profile(1));

    @Test
    void defaultsBillEachServiceAtItsListPrice() {
        Prices.Cost c = Prices.defaults().cost(JOB);
        // 1000 s x 2 GB x $0.0000166667 + 10 x $0.0000002
        assertThat(c.lambda()).isCloseTo(2000 * 0.0000166667 + 10 * 0.2e-6, within(1e-12));
        // 1e6 x $0.0004/1000 + 1e5 x $0.005/1000
        assertThat(c.s3()).isCloseTo(0.4 + 0.5, within(1e-12));
        assertThat(c.sqs()).isCloseTo(0.4, within(1e-12));
        assertThat(c.redis()).isCloseTo(0.206, within(1e-12));
        // 100 cores for one hour at $0.0425
        assertThat(c.cluster()).isCloseTo(4.25, within(1e-12));
        assertThat(c.total()).isCloseTo(c.lambda() + 0.9 + 0.4 + 0.206, within(1e-12));
    }

    @Test
    void aFileOverridesSomePrices(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("prices.properties");
        Files.writeString(f, "lambda.memory_mb = 1024\nredis.hour=1\n");
        Prices p = Prices.load(f);
        assertThat(p.lambdaMemoryMb()).isEqualTo(1024);
        assertThat(p.redisHour()).isEqualTo(1);
        assertThat(p.s3Get()).isEqualTo(Prices.defaults().s3Get());
        assertThat(p.cost(JOB).lambda()).isCloseTo(1000 * 0.0000166667 + 10 * 0.2e-6, within(1e-12));
    }

    @Test
    void anUnknownKeyOrABadNumberIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("prices.properties");
        Files.writeString(f, "lambda.gbs=1\n");
        assertThatThrownBy(() -> Prices.load(f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key 'lambda.gbs'");
        Files.writeString(f, "s3.get=cheap\n");
        assertThatThrownBy(() -> Prices.load(f)).hasMessageContaining("s3.get must be a number, got 'cheap'");
        Files.writeString(f, "s3.get=-1\n");
        assertThatThrownBy(() -> Prices.load(f)).hasMessageContaining(">= 0");
    }

    @Test
    void calibrationFileOverridesRates(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("calibration.properties");
        Files.writeString(f, "gflops=31.5\ngflops.chol=12\nread.latency.ms=25\nwrite.mb_per_s=50\n");
        Calibration c = Calibration.load(f);
        assertThat(c.gflops()).isEqualTo(31.5);
        assertThat(c.kernelGflops()).containsEntry("chol", 12.0);
        assertThat(c.readLatency().toMillis()).isEqualTo(25);
        assertThat(c.writeBytesPerSecond()).isEqualTo(50e6);
        assertThat(c.readBytesPerSecond()).isEqualTo(Calibration.DEFAULT_BYTES_PER_SECOND);
        Files.writeString(f, "gflop=3\n");
        assertThatThrownBy(() -> Calibration.load(f)).hasMessageContaining("unknown key 'gflop'");
    }
}
