package org.wren4j.api;

import static java.util.Objects.requireNonNull;

/**
 * When one execution of a job's task read its input tiles, ran its kernel and wrote its output
 * tiles, in seconds from the job's submission. A worker reads the next task's tiles while its
 * kernel runs the one before (pipelining), so a worker's reads may overlap its previous
 * computation; its computations never overlap (a worker is single-core).
 *
 * @param worker the worker that ran it (host where known, process and thread)
 * @param task the task: a statement of the job's program and its loop indices
 * @param kernel the tile kernel it ran (e.g. {@code chol}, {@code gemm})
 */
public record TaskTiming(String worker, String task, String kernel, double readStart, double readEnd, double computeStart,
                         double computeEnd, double writeEnd) {
    public TaskTiming {
        requireNonNull(worker, "worker is null");
        requireNonNull(task, "task is null");
        requireNonNull(kernel, "kernel is null");
    }

    /** Seconds its kernel ran. */
    public double computeSeconds() {
        return computeEnd - computeStart;
    }
}
