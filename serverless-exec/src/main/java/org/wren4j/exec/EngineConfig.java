package org.wren4j.exec;

import java.time.Duration;
import org.wren4j.exec.provision.ScalingPolicy;
import org.wren4j.exec.worker.WorkerConfig;

/**
 * Immutable engine options with named defaults: at most {@code maxWorkers} single-core
 * workers (default: the machine's cores), scaled by {@code scalingFactor}; a job of more than
 * {@code maxTasks} tasks is refused before it starts; see {@link WorkerConfig} for the
 * per-worker options.
 */
public record EngineConfig(int maxWorkers, double scalingFactor, Duration provisionPeriod, WorkerConfig worker, long maxTasks) {
    public static final double DEFAULT_SCALING_FACTOR = 1.0;
    public static final Duration DEFAULT_PROVISION_PERIOD = Duration.ofMillis(50);
    /**
     * Tasks one job may have: far above the largest factorizations of the numpywren paper at
     * their block (a 1M x 1M SVD's band reduction at block 4096 has 22.4M), far below a block
     * chosen by mistake (a 4096 x 4096 Cholesky at block 1 has 1.1e10).
     */
    public static final long DEFAULT_MAX_TASKS = 100_000_000L;

    public EngineConfig {
        java.util.Objects.requireNonNull(provisionPeriod, "provisionPeriod is null");
        java.util.Objects.requireNonNull(worker, "worker is null");
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be >= 1, got " + maxWorkers);
        }
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be >= 1, got " + maxTasks);
        }
    }

    public static EngineConfig defaults() {
        return new EngineConfig(Runtime.getRuntime().availableProcessors(), DEFAULT_SCALING_FACTOR, DEFAULT_PROVISION_PERIOD, WorkerConfig.defaults(),
                DEFAULT_MAX_TASKS);
    }

    public EngineConfig withMaxWorkers(int workers) {
        return new EngineConfig(workers, scalingFactor, provisionPeriod, worker, maxTasks);
    }

    public EngineConfig withMaxTasks(long tasks) {
        return new EngineConfig(maxWorkers, scalingFactor, provisionPeriod, worker, tasks);
    }

    public EngineConfig withWorker(WorkerConfig w) {
        return new EngineConfig(maxWorkers, scalingFactor, provisionPeriod, w, maxTasks);
    }

    public ScalingPolicy scalingPolicy() {
        return new ScalingPolicy(scalingFactor, worker.pipelineWidth(), maxWorkers, provisionPeriod);
    }
}
