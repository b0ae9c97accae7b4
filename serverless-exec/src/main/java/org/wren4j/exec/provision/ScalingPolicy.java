package org.wren4j.exec.provision;

import java.time.Duration;

/**
 * numpywren's scaling rule: every {@code period}, aim for
 * {@code min(maxWorkers, ceil(scalingFactor * pending / pipelineWidth))} workers.
 */
public record ScalingPolicy(double scalingFactor, int pipelineWidth, int maxWorkers, Duration period) {
    public ScalingPolicy {
        if (!(scalingFactor > 0) || pipelineWidth < 1 || maxWorkers < 1) {
            throw new IllegalArgumentException("bad scaling policy: sf=" + scalingFactor + " width=" + pipelineWidth + " max=" + maxWorkers);
        }
        java.util.Objects.requireNonNull(period, "period is null");
    }

    public int target(long pending) {
        return (int) Math.min(maxWorkers, (long) Math.ceil(scalingFactor * pending / pipelineWidth));
    }
}
