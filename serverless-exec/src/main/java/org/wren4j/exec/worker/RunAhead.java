package org.wren4j.exec.worker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.tiles.Tile;

/**
 * Which child a worker may run ahead: a task's outputs are in the worker's hands well before
 * they are durable (a 32 MiB tile takes a few hundred milliseconds to reach an object store), and
 * a child is released only once its parent has written and completed. On a factorization's
 * critical path that write latency is paid at every step. So, with a task computed, the worker
 * looks at its children in priority order: the first one whose other parents are all done (it
 * will be ready the moment this task completes) and that is not done itself is run at once,
 * from the outputs in hand (put in the tile cache), while this task's outputs are still being
 * written.
 *
 * <p>Fault tolerance is unchanged: when the parent completes, the child is sent with a delay of
 * one lease instead of at once ({@code TaskQueue.sendDelayed}), so if this worker dies before
 * completing the child, the child runs elsewhere, as after a lease expiry. The child completes
 * only after its parent has completed, with the same state step as any task (its outputs are
 * durable first), so nothing finished is ever recomputed and the delayed backup finds it done.
 * Kernels are deterministic, so the child's outputs are the same bits as from the durable tiles.
 * A kernel failure of the child fails the job as usual; any other failure just drops the run
 * ahead, leaving the child to its backup.
 *
 * <p>Only a worker that holds no other lease runs ahead: tasks it had leased would wait behind
 * the run while another worker may be idle, and giving them back would count as a delivery
 * against their attempt limit. Ready tasks are few where it matters, at a factorization's tail.
 *
 * <p>Off by default: turn it on with {@link WorkerConfig#withRunAhead} or the system property
 * {@code wren4j.runAhead=true}. It gains little so far (Cholesky n=8192 on Redis + ElasticMQ +
 * s3proxy: 5%), and the backup of a task run ahead by a worker that died replays its completion,
 * which re-enqueues children that may be queued already: with short leases that duplicates work
 * (the kill-80% process test ran 375 executions for 364 tasks with it, 364 without). Dry and simulated jobs never
 * run ahead (they have no outputs in hand), nor do workers on an in-memory object store, whose
 * writes are done before a run ahead could begin.
 */
final class RunAhead {
    /** At most this many tasks run ahead in a row, so the tasks a worker holds leased are not starved. */
    static final int MAX_CHAIN = 8;
    /** Whether workers run ahead unless their {@link WorkerConfig} says otherwise. */
    static final boolean DEFAULT = "true".equals(System.getProperty("wren4j.runAhead"));

    private RunAhead() {
    }

    /**
     * The child of {@code node} to run ahead, or null: among its first two children by priority,
     * the first whose other parents are done and that is not done itself. Asks the runtime state
     * (one round trip, the questions in parallel).
     */
    static Node candidate(WorkerContext ctx, WorkerConfig config, JobRegistry.Entry job, Node node) {
        // a store in this process's memory has written a tile before a run ahead could start: it
        // would only take the child from the queue's order (measured: Cholesky 8192, 12% slower)
        if (!config.runAhead() || !job.spec().computes() || ctx.store().objects() instanceof MemoryObjectStore) {
            return null;
        }
        ProgramAnalysis a = job.analysis();
        List<Node> children = new ArrayList<>(a.children(node));
        if (children.isEmpty()) {
            return null;
        }
        children.sort(Comparator.comparingLong(a::priority));
        String jobId = job.spec().jobId();
        for (Node child : children.subList(0, Math.min(2, children.size()))) {
            var done = new ArrayList<CompletableFuture<Boolean>>();
            done.add(ctx.state().isDone(jobId, child.key()).toCompletableFuture().thenApply(d -> !d));
            for (Node parent : a.parents(child)) {
                if (!parent.equals(node)) {
                    done.add(ctx.state().isDone(jobId, parent.key()).toCompletableFuture());
                }
            }
            try {
                if (done.stream().allMatch(CompletableFuture::join)) {
                    return child;
                }
            } catch (RuntimeException e) {
                return null; // the state store hiccuped: no run ahead, the normal path carries on
            }
        }
        return null;
    }

    /** Puts a task's outputs in the tile cache under their store keys, before they are durable. */
    static void cacheOutputs(WorkerContext ctx, JobRegistry.Entry job, Node node, Tile[] outputs) {
        List<ConcreteTile> outs = job.analysis().outputs(node);
        for (int i = 0; i < outs.size(); i++) {
            ctx.cache().put(TaskRunner.storeKey(job, outs.get(i)), outputs[i]);
        }
    }
}
