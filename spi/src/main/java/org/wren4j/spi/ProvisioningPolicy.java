package org.wren4j.spi;

import java.time.Duration;

/**
 * Decides how many workers a session's provisioner keeps alive. Every {@link #period()} the
 * provisioner looks at the queue and asks {@link #target} for the workers wanted; it launches
 * the difference when that is above the workers running (it never stops workers: they exit
 * on their own after their idle timeout). Called by one thread at a time.
 */
public interface ProvisioningPolicy {
    /** What the provisioner sees at one step. */
    record Demand(long pending, long leased, int running) {
        /**
         * @param pending tasks visible on the queue
         * @param leased  tasks leased by workers, running or prefetched into their pipelines (work
         *                not visible on the queue; 0 when the queue cannot tell)
         * @param running workers launched and not yet exited
         */
        public Demand {
            if (pending < 0 || leased < 0 || running < 0) {
                throw new IllegalArgumentException("demand cannot be negative: " + pending + " pending, " + leased + " leased, "
                        + running + " running");
            }
        }
    }

    /** Workers wanted now, at most {@link #maxWorkers()}. */
    int target(Demand demand);

    /** The most workers the policy ever asks for. */
    int maxWorkers();

    /** Time between two steps; greater than zero. */
    Duration period();
}
