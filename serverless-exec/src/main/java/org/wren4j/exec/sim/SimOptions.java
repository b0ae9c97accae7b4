package org.wren4j.exec.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.wren4j.exec.provision.ScalingPolicy;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.spi.ProvisioningPolicy;

/**
 * What a simulation models besides the job: the workers' behaviour (the real
 * {@link WorkerConfig}: pipeline width, lease, idle timeout, runtime limit), the provisioner's
 * policy, the time from a worker's launch to its first lease ({@code coldStart}), how long each
 * task takes ({@code model}) and how often the parallelism profile is sampled.
 */
public record SimOptions(WorkerConfig worker, ProvisioningPolicy policy, Duration coldStart, TaskModel model, Duration sampleEvery) {
    /** A function service's cold start (an assumption to calibrate; AWS quotes no figure). */
    public static final Duration DEFAULT_COLD_START = Duration.ofSeconds(1);
    /** AWS Lambda's limit on one invocation (15 minutes, documented in the Lambda quotas). */
    public static final Duration LAMBDA_RUNTIME_LIMIT = Duration.ofMinutes(15);
    /** Workers stop leasing this long before the platform's limit, to finish the tasks they hold. */
    public static final Duration DEFAULT_MAX_RUNTIME = LAMBDA_RUNTIME_LIMIT.minusMinutes(1);
    public static final Duration DEFAULT_SAMPLE_EVERY = Duration.ofSeconds(1);
    /** numpywren's worker idle timeout (T_timeout, 10 s). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** numpywren's provisioner period in this model; the embedded engine's is 50 ms, for threads. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

    public SimOptions {
        requireNonNull(worker, "worker is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(coldStart, "coldStart is null");
        requireNonNull(model, "model is null");
        requireNonNull(sampleEvery, "sampleEvery is null");
        if (coldStart.isNegative()) {
            throw new IllegalArgumentException("cold start must be >= 0, got " + coldStart);
        }
        if (policy.period().isZero() || policy.period().isNegative() || sampleEvery.isZero() || sampleEvery.isNegative()) {
            throw new IllegalArgumentException("the provisioner period and the profile step must be > 0");
        }
    }

    /**
     * Function-service workers as numpywren ran them: one task in flight at a time per pipeline
     * slot ({@code pipelineWidth}), a 10 s idle timeout, Lambda's runtime limit, numpywren's rule
     * at scaling factor {@code sf} up to {@code maxWorkers}, and {@code model}'s task times.
     */
    public static SimOptions lambda(int maxWorkers, double sf, int pipelineWidth, TaskModel model) {
        WorkerConfig w = new WorkerConfig(pipelineWidth, WorkerConfig.DEFAULT_LEASE, DEFAULT_IDLE_TIMEOUT, 5, Duration.ofMillis(100),
                DEFAULT_MAX_RUNTIME);
        return new SimOptions(w, new ScalingPolicy(sf, pipelineWidth, maxWorkers, DEFAULT_PERIOD), DEFAULT_COLD_START, model, DEFAULT_SAMPLE_EVERY);
    }

    public SimOptions withWorker(WorkerConfig w) {
        return new SimOptions(w, policy, coldStart, model, sampleEvery);
    }

    public SimOptions withPolicy(ProvisioningPolicy p) {
        return new SimOptions(worker, p, coldStart, model, sampleEvery);
    }

    public SimOptions withColdStart(Duration d) {
        return new SimOptions(worker, policy, d, model, sampleEvery);
    }

    public SimOptions withModel(TaskModel m) {
        return new SimOptions(worker, policy, coldStart, m, sampleEvery);
    }

    public SimOptions withSampleEvery(Duration d) {
        return new SimOptions(worker, policy, coldStart, model, d);
    }
}
