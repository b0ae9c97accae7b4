package org.wren4j.exec.worker;

import static org.wren4j.exec.worker.ServiceHealth.Service.QUEUE;
import static org.wren4j.exec.worker.ServiceHealth.Service.STATE;
import static org.wren4j.exec.worker.ServiceHealth.Service.STORE;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import org.wren4j.exec.events.Event;
import org.wren4j.exec.events.EventLog;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.job.JobMetrics;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.job.TaskSpan;
import org.wren4j.exec.kernels.KernelFailure;
import org.wren4j.exec.kernels.KernelLibrary;
import org.wren4j.exec.queue.Lease;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.state.ChildCount;
import org.wren4j.exec.state.JobStatus;
import org.wren4j.exec.state.TileReaders;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.tiles.MissingTileException;
import org.wren4j.tiles.RetryPolicy;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;

/**
 * The life of one task: prepare (job still running? already done? read inputs), compute (the
 * kernel, on the worker's thread), finish (write outputs, complete in the runtime state,
 * enqueue the children that became ready, delete the temporary tiles whose last reader this
 * was, and only then acknowledge the message).
 *
 * <p>Garbage collection of temporaries, and its faults. Completing a task for the first time
 * decrements, in the same atomic step, a reader counter of each stored temporary tile it read
 * (initialised from the tile's reader count, {@link ProgramAnalysis#temporaryInputReaders});
 * the tiles that reach zero have no reader left and are deleted here, best effort: a failed
 * delete is logged and the job-end sweep of temporaries removes the tile. Inputs and outputs
 * of the program are never counted, so never deleted. A duplicate delivery of a done task is a
 * replay: it decrements nothing (it only retries the deletes of tiles already at zero). A
 * duplicate running at the same time as the copy that completed may find an input already
 * deleted: its task is then done, so a missing input of a done task is handled as "already
 * done", not as a failure (the same way a late duplicate's rewrite of a deleted temporary is
 * left to the job-end sweep, after the engine waited for in-flight tasks). A task rerun after
 * its worker died before completing decremented nothing, so its inputs still exist. Dry runs
 * write no tiles and skip all of it.
 */
final class TaskRunner {
    private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());
    private final WorkerContext ctx;
    private final WorkerConfig config;
    private final TaskFailures failures;

    TaskRunner(WorkerContext ctx, WorkerConfig config) {
        this.ctx = ctx;
        this.config = config;
        this.failures = new TaskFailures(ctx, config);
    }

    /** What preparation found. {@code inputs == null} means: do not compute. */
    /** {@code readEndNanos}: when its reads ended ({@link System#nanoTime()}), 0 when it read nothing. */
    record Prepared(Lease lease, JobRegistry.Entry job, Node node, Tile[] inputs, long readNanos, long bytesRead, boolean alreadyDone,
                    long readEndNanos) {
        Prepared(Lease lease, JobRegistry.Entry job, Node node, Tile[] inputs, long readNanos, long bytesRead, boolean alreadyDone) {
            this(lease, job, node, inputs, readNanos, bytesRead, alreadyDone, 0);
        }
    }

    CompletableFuture<Prepared> prepare(Lease lease) {
        TaskMessage m = lease.message();
        JobRegistry.Entry job;
        try {
            job = ctx.jobs().find(m.jobId());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // the spec store failed: retried like any transient error
        }
        if (job == null) {
            // a message of a job whose spec is gone (finished and cleaned up), or of no job at all: drop it
            return CompletableFuture.completedFuture(new Prepared(lease, null, null, null, 0, 0, false));
        }
        if (!job.key().verifies(m)) {
            // forged, altered on the way, or copied from another job: whoever sent it lacks this job's key
            return refuse(lease, job, "task " + abbreviate(m.taskKey()) + ": " + (m.signed() ? "its signature is not the job's" : "it is unsigned"));
        }
        TaskMessageValidator.Verdict verdict = TaskMessageValidator.validate(m, job);
        if (verdict instanceof TaskMessageValidator.Refused refused) {
            return refuse(lease, job, refused.reason());
        }
        Node node = ((TaskMessageValidator.Accepted) verdict).node();
        // both questions at once: one round trip to the state store, not two in a row
        CompletableFuture<Boolean> doneAlready = ctx.health().watch(STATE, () -> ctx.state().isDone(m.jobId(), m.taskKey()));
        return ctx.health().watch(STATE, () -> ctx.state().state(m.jobId())).exceptionally(err -> {
            if (RetryPolicy.unwrap(err) instanceof NoSuchElementException) {
                return null; // the job finished and was retired: its leftover messages are dropped
            }
            throw err instanceof CompletionException c ? c : new CompletionException(err);
        }).thenComposeAsync(st -> {
            if (st == null || st.status() != JobStatus.RUNNING) {
                return CompletableFuture.completedFuture(new Prepared(lease, null, node, null, 0, 0, false));
            }
            return doneAlready.thenCompose(done -> done
                    ? CompletableFuture.completedFuture(new Prepared(lease, job, node, null, 0, 0, true))
                    : !job.spec().computes()
                    ? CompletableFuture.completedFuture(new Prepared(lease, job, node, new Tile[0], 0, 0, false))
                    : readInputs(lease, job, node));
        }, ctx.io());
    }

    /**
     * Drops a message that names no task of its job, before anything runs: logged, counted in the
     * job's {@link JobMetrics#REFUSED_MESSAGES}, then acknowledged so it never comes back; the job goes on.
     */
    private CompletableFuture<Prepared> refuse(Lease lease, JobRegistry.Entry job, String reason) {
        String jobId = job.spec().jobId();
        LOG.log(System.Logger.Level.WARNING, "job " + jobId + ": refused a task message: " + reason);
        Prepared drop = new Prepared(lease, null, null, null, 0, 0, false);
        return ctx.state().addCounters(jobId, JobMetrics.refusedMessage()).toCompletableFuture()
                .handle((v, e) -> drop); // a job the state no longer knows: nothing to count
    }

    private CompletableFuture<Prepared> readInputs(Lease lease, JobRegistry.Entry job, Node node) {
        return readInputs(lease, job, node, true);
    }

    private CompletableFuture<Prepared> readInputs(Lease lease, JobRegistry.Entry job, Node node, boolean firstRead) {
        long start = System.nanoTime();
        List<ConcreteTile> inputs = job.analysis().inputs(node);
        List<CompletableFuture<Tile>> reads = new ArrayList<>(inputs.size());
        // a tile the task reads twice (Cholesky's diagonal update reads L_jk as A and as B) is read once
        var distinct = new java.util.HashMap<ConcreteTile, CompletableFuture<Tile>>();
        for (ConcreteTile t : inputs) {
            reads.add(distinct.computeIfAbsent(t, x -> read(job, x)));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Tile[] tiles = reads.stream().map(CompletableFuture::join).toArray(Tile[]::new);
            long end = System.nanoTime();
            return new Prepared(lease, job, node, tiles, end - start, sizeBytes(tiles), false, end);
        }).exceptionallyCompose(err -> {
            if (!(RetryPolicy.unwrap(err) instanceof MissingTileException)) {
                return CompletableFuture.failedFuture(err);
            }
            // a temporary is deleted only once all its readers completed, this task among them:
            // a duplicate copy that lost the race is done, not failed
            return ctx.state().isDone(job.spec().jobId(), node.key()).toCompletableFuture().thenCompose(done -> done
                    ? CompletableFuture.completedFuture(new Prepared(lease, job, node, null, 0, 0, true))
                    : firstRead ? notReadyOrMissing(lease, job, node, err) : CompletableFuture.<Prepared>failedFuture(err));
        });
    }

    /**
     * An input is missing and this task is not done: if a parent has not completed, the message
     * came before the task was released (a forged or stray copy; the real one comes when its
     * parents complete), so it is refused, not run; if every parent completed, the input is read
     * once more (a parent may have written it just after the first read) before the job fails.
     */
    private CompletableFuture<Prepared> notReadyOrMissing(Lease lease, JobRegistry.Entry job, Node node, Throwable missing) {
        String jobId = job.spec().jobId();
        List<Node> parents = job.analysis().parents(node);
        List<CompletableFuture<Boolean>> done = parents.stream()
                .map(p -> ctx.state().isDone(jobId, p.key()).toCompletableFuture()).toList();
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            for (int i = 0; i < parents.size(); i++) {
                if (!done.get(i).join()) {
                    return refuse(lease, job, "task " + node.key() + " is not ready: its parent " + parents.get(i).key()
                            + " has not completed");
                }
            }
            return readInputs(lease, job, node, false);
        }).exceptionallyCompose(e -> CompletableFuture.failedFuture(missing));
    }

    private CompletableFuture<Tile> read(JobRegistry.Entry job, ConcreteTile tile) {
        ConcreteTile src = job.analysis().source(tile);
        MatrixBinding b = job.spec().binding(src.matrix());
        if (b.storedTiles().isZeroTile(src.row(), src.col())) {
            return CompletableFuture.completedFuture(Tile.zeros(b.tileRows(src.row()), b.tileCols(src.col())));
        }
        if (b.storedTiles().isMirroredTile(src.row(), src.col())) {
            long[] idx = src.indices();
            idx[idx.length - 2] = src.col();
            idx[idx.length - 1] = src.row();
            return readCached(new TileKey(b.storeMatrix(), idx)).thenApply(Tile::transpose);
        }
        return readCached(storeKey(job, src));
    }

    private CompletableFuture<Tile> readCached(TileKey key) {
        Tile cached = ctx.cache().get(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return ctx.health().watch(STORE, () -> ctx.store().read(key)).thenApply(t -> {
            ctx.cache().put(key, t);
            return t;
        });
    }

    /** Runs the kernel on the calling thread (in a simulated job: holds the thread for its modelled time). */
    Tile[] compute(Prepared p) {
        ProgramAnalysis a = p.job().analysis();
        if (p.job().spec().dryRun()) {
            return new Tile[0];
        }
        if (p.job().spec().simulated()) {
            SimulatedKernel.run(p.job().spec(), a, p.node());
            return new Tile[0];
        }
        return KernelLibrary.run(a.statement(p.node().statement()).kernel(), p.inputs(), a.scalars(p.node()));
    }

    /** Writes outputs (if any), completes the task, enqueues ready children, then acks. */
    CompletableFuture<Void> finish(Prepared p, Tile[] outputs, long readNanos, long computeNanos) {
        return finish(p, outputs, readNanos, computeNanos, null);
    }

    /**
     * As {@link #finish(Prepared, Tile[], long, long)}; {@code runAhead}, if not null, is a child
     * this worker runs itself from the outputs in hand ({@link RunAhead}): when it becomes ready it
     * is sent with a delay of one lease, as the backup should this worker never complete it.
     */
    CompletableFuture<Void> finish(Prepared p, Tile[] outputs, long readNanos, long computeNanos, Node runAhead) {
        if (p.job() == null) {
            return ack(p.lease());
        }
        JobRegistry.Entry job = p.job();
        long start = System.nanoTime();
        String worker = workerName();
        boolean writesTiles = outputs != null && job.spec().computes();
        CompletableFuture<Void> writes = writesTiles ? write(job, p.node(), outputs) : CompletableFuture.completedFuture(null);
        return writes.thenCompose(v -> {
            java.util.Map<String, Long> counters;
            Garbage garbage = Garbage.NONE;
            String span = null;
            if (outputs != null) {
                long writeEnd = System.nanoTime();
                long written = sizeBytes(outputs);
                counters = JobMetrics.execution(readNanos, computeNanos, writeEnd - start, p.bytesRead(), written, p.lease().deliveries() > 1);
                span = span(worker, p, start - computeNanos, start, writeEnd);
                done(worker, p, computeNanos, writeEnd - start, written, false);
                if (writesTiles) {
                    garbage = garbage(job, p.node(), outputs, p.inputs());
                }
            } else {
                counters = JobMetrics.skippedDone();
                if (p.lease().deliveries() == 1 && !p.lease().message().backup()) {
                    // A first delivery of a done task is a duplicate copy: the copy that completed it
                    // enqueued its children, or (if its worker died first) comes back redelivered and
                    // heals that. Re-enqueueing here would multiply duplicates into a message storm.
                    return ctx.state().addCounters(job.spec().jobId(), counters).toCompletableFuture()
                            .thenCompose(x -> ack(p.lease()));
                }
                if (!job.spec().dryRun()) {
                    garbage = garbage(job, p.node(), null, null); // a replay: retries deletes that may have been lost
                }
            }
            return completeAndRelease(job, p.node(), p.lease(), counters, span, garbage, runAhead);
        });
    }

    /** The inputs of {@code node}, read (mostly from the cache) for a task run ahead: no lease. */
    CompletableFuture<Prepared> prepareAhead(JobRegistry.Entry job, Node node) {
        return readInputs(null, job, node);
    }

    /**
     * Finishes a task run ahead: writes its outputs, waits for {@code parent} (the finish of the
     * task it ran ahead of) and completes it, enqueuing its ready children and deleting what it
     * was the last reader of. There is no message to acknowledge; the delayed backup of the task
     * finds it done.
     */
    CompletableFuture<Void> finishAhead(Prepared p, Tile[] outputs, long computeNanos, CompletableFuture<Void> parent, Node runAhead) {
        JobRegistry.Entry job = p.job();
        long start = System.nanoTime();
        String worker = workerName();
        return write(job, p.node(), outputs).thenCombine(parent, (x, y) -> (Void) null).thenCompose(v -> {
            long writeEnd = System.nanoTime();
            long written = sizeBytes(outputs);
            var counters = new java.util.HashMap<>(JobMetrics.execution(p.readNanos(), computeNanos, writeEnd - start, p.bytesRead(), written,
                    false));
            counters.merge(JobMetrics.RUN_AHEAD, 1L, Long::sum);
            done(worker, p, computeNanos, writeEnd - start, written, true);
            return completeAndRelease(job, p.node(), null, counters, span(worker, p, start - computeNanos, start, writeEnd),
                    garbage(job, p.node(), outputs, p.inputs()), runAhead);
        });
    }

    /** The message a kernel failure fails the job with (a bad input: retrying cannot help). */
    CompletableFuture<Void> failJob(JobRegistry.Entry job, Node node, KernelFailure failure) {
        String jobId = job.spec().jobId();
        return ctx.state().fail(jobId, FailureMessages.kernelFailure(jobId, node.key(), job, node, failure).encode()).toCompletableFuture();
    }

    /** A task key from a message, short enough for a log line. */
    private static String abbreviate(String key) {
        return key.length() <= 80 ? key : key.substring(0, 80) + "...";
    }

    private static long sizeBytes(Tile[] tiles) {
        long bytes = 0;
        for (Tile t : tiles) {
            bytes += t.sizeBytes();
        }
        return bytes;
    }

    /** Where {@code tile} of the job's program is stored: its matrix's store name and its indices. */
    static TileKey storeKey(JobRegistry.Entry job, ConcreteTile tile) {
        return new TileKey(job.spec().binding(tile.matrix()).storeMatrix(), tile.indices());
    }

    private CompletableFuture<Void> write(JobRegistry.Entry job, Node node, Tile[] outputs) {
        List<ConcreteTile> outs = job.analysis().outputs(node);
        var writes = new CompletableFuture<?>[outs.size()];
        for (int i = 0; i < writes.length; i++) {
            Tile tile = outputs[i];
            TileKey key = storeKey(job, outs.get(i));
            writes[i] = CompletableFuture.supplyAsync(() -> ctx.health().watch(STORE, () -> ctx.store().write(key, tile)), ctx.io())
                    .thenCompose(s -> s)
                    .thenRun(() -> ctx.cache().put(key, tile));
        }
        return CompletableFuture.allOf(writes);
    }

    /** The temporaries a task wrote (bytes) and read (stored tile key -> store key, reader count, bytes). */
    private record Garbage(long bytesWritten, List<TileReaders> inputs, java.util.Map<String, TileKey> keys) {
        static final Garbage NONE = new Garbage(0, List.of(), java.util.Map.of());
    }

    /** {@code outputs} and {@code inputs} null for a replay (sizes are then not needed). */
    private static Garbage garbage(JobRegistry.Entry job, Node node, Tile[] outputs, Tile[] inputs) {
        ProgramAnalysis a = job.analysis();
        var program = job.spec().program();
        long written = 0;
        if (outputs != null) {
            List<ConcreteTile> outs = a.outputs(node);
            for (int i = 0; i < outputs.length; i++) {
                if (program.requireMatrix(outs.get(i).matrix()).role() == MatrixDecl.Role.TEMP) {
                    written += outputs[i].sizeBytes();
                }
            }
        }
        java.util.Map<ConcreteTile, Integer> readers = new java.util.HashMap<>(a.temporaryInputReaders(node));
        // A symmetric (or triangular) temporary serves reads of its upper tiles from the stored
        // lower ones, a mapping of the binding the program's reader counts do not see: such a
        // tile could be deleted while a mirrored read of it is still to come. Those wait for the
        // job-end sweep.
        readers.keySet().removeIf(t -> job.spec().binding(t.matrix()).storedTiles() != StoredTiles.ALL);
        if (readers.isEmpty()) {
            return written == 0 ? Garbage.NONE : new Garbage(written, List.of(), java.util.Map.of());
        }
        java.util.Map<ConcreteTile, Long> sizes = new java.util.HashMap<>();
        if (inputs != null) {
            List<ConcreteTile> ins = a.inputs(node);
            for (int i = 0; i < inputs.length; i++) {
                sizes.putIfAbsent(a.source(ins.get(i)), inputs[i].sizeBytes());
            }
        }
        var reads = new ArrayList<TileReaders>(readers.size());
        var keys = new java.util.HashMap<String, TileKey>();
        readers.forEach((tile, count) -> {
            String key = tile.toString();
            reads.add(new TileReaders(key, count, sizes.getOrDefault(tile, 0L)));
            keys.put(key, storeKey(job, tile));
        });
        return new Garbage(written, reads, keys);
    }

    /** Deletes tiles no task reads any more; a failure leaves them to the job-end sweep. */
    private CompletableFuture<Void> collect(String jobId, List<String> collected, Garbage garbage) {
        if (collected.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        var deletes = new CompletableFuture<?>[collected.size()];
        for (int i = 0; i < deletes.length; i++) {
            TileKey key = garbage.keys().get(collected.get(i));
            ctx.cache().evict(key);
            deletes[i] = ctx.store().delete(key).toCompletableFuture().exceptionally(e -> {
                LOG.log(System.Logger.Level.WARNING, "job " + jobId + ": deleting temporary tile " + key
                        + " failed; the job-end sweep deletes it: " + RetryPolicy.unwrap(e));
                return null;
            });
        }
        return CompletableFuture.allOf(deletes);
    }

    /**
     * The timeline entry of an execution that computed from {@code computeStart} to
     * {@code computeEnd} and wrote until {@code writeEnd} (nanosecond clock); null for a simulated or dry run.
     */
    private static String span(String worker, Prepared p, long computeStart, long computeEnd, long writeEnd) {
        if (p.job().spec().dryRun() || p.job().spec().simulated()) {
            return null;
        }
        long readEnd = p.readEndNanos() == 0 ? computeStart : Math.min(p.readEndNanos(), computeStart);
        String kernel = p.job().analysis().statement(p.node().statement()).kernel();
        return TaskSpan.of(worker, p.node().key(), kernel, readEnd - p.readNanos(), readEnd, computeStart, computeEnd, writeEnd).encode();
    }

    /** The {@code task} event of an execution whose outputs are written (see {@link EventLog}). */
    private static void done(String worker, Prepared p, long computeNanos, long writeNanos, long bytesWritten, boolean runAhead) {
        if (!EventLog.enabled() || p.job().spec().dryRun()) {
            return;
        }
        String kernel = p.job().analysis().statement(p.node().statement()).kernel();
        int attempt = p.lease() == null ? 1 : p.lease().deliveries();
        EventLog.emit(new Event.TaskDone(p.job().spec().jobId(), p.node().key(), kernel, worker, attempt, runAhead, p.readNanos() / 1e9,
                computeNanos / 1e9, writeNanos / 1e9, p.bytesRead(), bytesWritten));
    }

    /** This worker thread as a timeline names it: host (where known), process and thread. */
    private static String workerName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        return (host.isEmpty() ? "" : host + "/") + ProcessHandle.current().pid() + "/" + Thread.currentThread().getName();
    }

    private CompletableFuture<Void> completeAndRelease(JobRegistry.Entry job, Node node, Lease lease, java.util.Map<String, Long> counters,
                                                       String span, Garbage garbage, Node runAhead) {
        ProgramAnalysis a = job.analysis();
        List<Node> children = a.children(node);
        List<ChildCount> counts = new ArrayList<>(children.size());
        for (Node c : children) {
            counts.add(new ChildCount(c.key(), a.parents(c).size()));
        }
        String jobId = job.spec().jobId();
        // counters first, on the same connection: they are in before the job can succeed
        CompletableFuture<Void> counted = ctx.health().watch(STATE, () -> ctx.state().addCounters(jobId, counters));
        if (span != null) {
            // a lost timeline entry costs a picture, not the job: never retried, never fatal
            CompletableFuture<Void> spanned = ctx.state().addSpan(jobId, span).toCompletableFuture().exceptionally(e -> null);
            counted = counted.thenCombine(spanned, (x, y) -> (Void) null);
        }
        return ctx.health().watch(STATE, () -> ctx.state().complete(jobId, node.key(), counts, garbage.bytesWritten(), garbage.inputs()))
                .thenCombine(counted, (done, v) -> done)
                // off the state store's I/O thread: building a queue request is real work
                .thenComposeAsync(done -> {
                    CompletableFuture<Void> deletes = collect(jobId, done.collected(), garbage);
                    List<String> ready = done.ready();
                    if (ready.isEmpty()) {
                        return deletes;
                    }
                    List<TaskMessage> msgs = new ArrayList<>(ready.size());
                    List<TaskMessage> backups = new ArrayList<>(1);
                    for (String key : ready) {
                        var m = new TaskMessage(jobId, key, a.priority(Node.parse(key)));
                        if (runAhead != null && key.equals(runAhead.key())) {
                            backups.add(job.key().sign(m.asBackup()));
                        } else {
                            msgs.add(job.key().sign(m));
                        }
                    }
                    CompletableFuture<Void> sent = msgs.isEmpty() ? CompletableFuture.completedFuture(null) : ctx.health().watch(QUEUE, () -> ctx.queue().send(msgs));
                    if (!backups.isEmpty()) {
                        sent = sent.thenCombine(ctx.queue().sendDelayed(backups, config.visibility()), (x, y) -> (Void) null);
                    }
                    return sent.thenCombine(deletes, (x, y) -> (Void) null);
                }, ctx.io())
                .thenCompose(v -> lease == null ? CompletableFuture.<Void>completedFuture(null) : ack(lease));
    }

    private CompletableFuture<Void> ack(Lease lease) {
        ctx.leases().untrack(lease);
        return ctx.health().watch(QUEUE, () -> ctx.queue().ack(lease));
    }

    /** See {@link TaskFailures}. */
    CompletableFuture<Void> failed(Lease lease, JobRegistry.Entry job, Node node, Throwable error) {
        return failures.failed(lease, job, node, error);
    }
}
