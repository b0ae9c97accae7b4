package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.wren4j.exec.provision.StaticPolicy;
import org.wren4j.exec.sim.Calibration;
import org.wren4j.exec.sim.Prices;
import org.wren4j.exec.sim.SimOptions;
import org.wren4j.exec.sim.TaskModel;

/**
 * What {@link Wren#simulate} models: function workers (AWS Lambda-like: a cold start, a 15-minute
 * runtime limit, a 10 s idle timeout), at most {@code workers} of them, provisioned by
 * numpywren's rule at {@code scalingFactor} or, with {@code scalingFactor == 0}, kept as a static
 * pool of {@code workers}; {@code pipelineWidth} tasks in flight per worker; task times from a
 * calibration file and a bill from a prices file (both Java properties; the defaults otherwise).
 *
 * @param workers       the most workers alive at once, >= 1
 * @param scalingFactor numpywren's sf (e.g. 1/4, 1/3, 1/2, 1), or 0 for a static pool
 * @param pipelineWidth tasks in flight per worker, >= 1
 * @param calibration   rates: {@code gflops}, {@code gflops.<kernel>}, {@code read.latency.ms},
 *                      {@code read.mb_per_s}, {@code write.latency.ms}, {@code write.mb_per_s}
 * @param prices        dollars: {@code lambda.gb_second}, {@code lambda.request},
 *                      {@code lambda.memory_mb}, {@code s3.get}, {@code s3.put},
 *                      {@code sqs.request}, {@code redis.hour}, {@code cluster.core_hour}
 */
public record SimulationOptions(int workers, double scalingFactor, int pipelineWidth, Optional<Path> calibration, Optional<Path> prices) {
    public SimulationOptions {
        requireNonNull(calibration, "calibration is null");
        requireNonNull(prices, "prices is null");
        if (workers < 1) {
            throw new IllegalArgumentException("simulate: workers must be >= 1, got " + workers);
        }
        if (!(scalingFactor >= 0) || Double.isInfinite(scalingFactor)) {
            throw new IllegalArgumentException("simulate: the scaling factor must be >= 0 (0: a static pool), got " + scalingFactor);
        }
        if (pipelineWidth < 1) {
            throw new IllegalArgumentException("simulate: pipeline width must be >= 1, got " + pipelineWidth);
        }
    }

    /** numpywren's rule at sf 1, one task in flight per worker, default rates and prices. */
    public static SimulationOptions of(int workers) {
        return new SimulationOptions(workers, 1, 1, Optional.empty(), Optional.empty());
    }

    public SimulationOptions withScalingFactor(double sf) {
        return new SimulationOptions(workers, sf, pipelineWidth, calibration, prices);
    }

    public SimulationOptions withPipelineWidth(int width) {
        return new SimulationOptions(workers, scalingFactor, width, calibration, prices);
    }

    public SimulationOptions withCalibration(Path file) {
        return new SimulationOptions(workers, scalingFactor, pipelineWidth, Optional.of(file), prices);
    }

    public SimulationOptions withPrices(Path file) {
        return new SimulationOptions(workers, scalingFactor, pipelineWidth, calibration, Optional.of(file));
    }

    SimOptions toSim() {
        TaskModel model = calibration.map(f -> readable(Calibration::load, f)).orElseGet(Calibration::defaults);
        SimOptions o = SimOptions.lambda(workers, scalingFactor > 0 ? scalingFactor : 1, pipelineWidth, model);
        return scalingFactor > 0 ? o : o.withPolicy(new StaticPolicy(workers, o.policy().period()));
    }

    Prices priceList() {
        return prices.map(f -> readable(Prices::load, f)).orElseGet(Prices::defaults);
    }

    /** A file read by {@code load}; one that cannot be read is the caller's bad argument (one line, no stack trace). */
    private static <T> T readable(java.util.function.Function<Path, T> load, Path file) {
        try {
            return load.apply(file);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    String policyName() {
        return scalingFactor > 0 ? "numpywren sf=" + scalingFactor : "static";
    }
}
