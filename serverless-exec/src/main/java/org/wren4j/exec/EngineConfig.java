package org.wren4j.exec;

import java.time.Duration;
import org.wren4j.exec.provision.ScalingPolicy;
import org.wren4j.exec.worker.WorkerConfig;

/**
 * Immutable engine options with named defaults: at most {@code maxWorkers} single-core
 * workers (default: the machine's cores), scaled by {@code scalingFactor}; see
 * {@link WorkerConfig} for the per-worker options.
 */
public record EngineConfig(int maxWorkers, double scalingFactor, Duration provisionPeriod, WorkerConfig worker) {
    public static final double DEFAULT_SCALING_FACTOR = 1.0;
    public static final Duration DEFAULT_PROVISION_PERIOD = Duration.ofMillis(50);

    public EngineConfig {
        java.util.Objects.requireNonNull(provisionPeriod, "provisionPeriod is null");
        java.util.Objects.requireNonNull(worker, "worker is null");
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be >= 1, got " + maxWorkers);
        }
    }

    public static EngineConfig defaults() {
        return new EngineConfig(Runtime.getRuntime().availableProcessors(), DEFAULT_SCALING_FACTOR, DEFAULT_PROVISION_PERIOD, WorkerConfig.defaults());
    }

    public EngineConfig withMaxWorkers(int workers) {
        return new EngineConfig(workers, scalingFactor, provisionPeriod, worker);
    }

    public EngineConfig withWorker(WorkerConfig w) {
        return new EngineConfig(maxWorkers, scalingFactor, provisionPeriod, w);
    }

    public ScalingPolicy scalingPolicy() {
        return new ScalingPolicy(scalingFactor, worker.pipelineWidth(), maxWorkers, provisionPeriod);
    }
}
