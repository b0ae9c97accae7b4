package org.wren4j.spark.internal;

import org.wren4j.api.WrenException;

/** A failed Spark job as the user's error: the wren4j error a task threw, else one naming the step. */
public final class SparkFailures {
    private SparkFailures() {
    }

    public static WrenException of(String what, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WrenException w) {
                return w;
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new WrenException(what + " failed: " + m, e);
    }
}
