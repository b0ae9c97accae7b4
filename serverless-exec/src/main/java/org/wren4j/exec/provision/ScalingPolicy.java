package org.wren4j.exec.provision;

import java.time.Duration;
import org.wren4j.spi.ProvisioningPolicy;

/**
 * numpywren's scaling rule: every {@code period}, aim for
 * {@code min(maxWorkers, ceil(scalingFactor * tasks / pipelineWidth))} workers, where the tasks
 * are those visible on the queue plus those leased (running or prefetched into pipelines):
 * counting only the visible ones (numpywren's queue length) starts the second worker late, as
 * the first one's prefetched leases hide the tasks it cannot start yet.
 */
public record ScalingPolicy(double scalingFactor, int pipelineWidth, int maxWorkers, Duration period) implements ProvisioningPolicy {
    public ScalingPolicy {
        if (!(scalingFactor > 0) || pipelineWidth < 1 || maxWorkers < 1) {
            throw new IllegalArgumentException("bad scaling policy: sf=" + scalingFactor + " width=" + pipelineWidth + " max=" + maxWorkers);
        }
        java.util.Objects.requireNonNull(period, "period is null");
    }

    public int target(long pending) {
        return (int) Math.min(maxWorkers, (long) Math.ceil(scalingFactor * pending / pipelineWidth));
    }

    @Override
    public int target(Demand demand) {
        return target(demand.pending() + demand.leased());
    }
}
