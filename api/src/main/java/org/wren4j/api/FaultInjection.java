package org.wren4j.api;

/**
 * Faults a session injects on purpose, to see its jobs recover (give it to
 * {@link Wren.Builder#faults}): every task is still computed once and the results are exact;
 * only the work and the time grow. Not for production sessions.
 *
 * @param duplicateDeliveries probability in [0, 1) that the queue delivers a task message twice
 *                            (the second delivery finds the task done, or runs it again harmlessly)
 * @param storeFailures       probability in [0, 1) that a worker's tile read or write fails
 *                            transiently (some writes take effect and lose their answer); workers
 *                            retry with backoff. The client's own reads and writes do not fail.
 */
public record FaultInjection(double duplicateDeliveries, double storeFailures) {
    /** No faults: the default. */
    public static final FaultInjection NONE = new FaultInjection(0, 0);

    /** @throws IllegalArgumentException if a probability is outside [0, 1) */
    public FaultInjection {
        check("duplicate deliveries", duplicateDeliveries);
        check("store failures", storeFailures);
    }

    /** Whether nothing is injected. */
    public boolean none() {
        return duplicateDeliveries == 0 && storeFailures == 0;
    }

    private static void check(String what, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(what + " must be a probability within [0, 1), got " + p);
        }
    }
}
