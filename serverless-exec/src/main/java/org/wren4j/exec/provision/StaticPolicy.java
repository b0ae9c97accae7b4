package org.wren4j.exec.provision;

import java.time.Duration;
import org.wren4j.spi.ProvisioningPolicy;

/** A fixed pool: {@code workers} alive whatever the demand, as an always-on cluster (workers that exit idle are replaced). */
public record StaticPolicy(int workers, Duration period) implements ProvisioningPolicy {
    public StaticPolicy {
        if (workers < 1) {
            throw new IllegalArgumentException("a static pool has at least 1 worker, got " + workers);
        }
        java.util.Objects.requireNonNull(period, "period is null");
    }

    @Override
    public int target(Demand demand) {
        return workers;
    }

    @Override
    public int maxWorkers() {
        return workers;
    }
}
