package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.wren4j.exec.state.JobState;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.tiles.MatrixManifest;
import org.wren4j.tiles.TileStore;

/**
 * The jobs a deployment knows, from any client: each job's spec is stored next to its tiles
 * and its progress lives in the runtime state, so a job outlives the client that submitted it.
 * Lists them, says where one stands, cancels one, records a finished job's results as stored
 * matrices, and collects finished jobs (spec, temporaries, runtime state).
 */
public final class JobControl {
    private final TileStore store;
    private final JobSpecStore specs;
    private final RuntimeState state;

    public JobControl(TileStore store, RuntimeState state) {
        this.store = requireNonNull(store, "store is null");
        this.specs = new JobSpecStore(store.objects());
        this.state = requireNonNull(state, "state is null");
    }

    /**
     * A job as the services know it.
     *
     * @param state empty when the runtime state no longer (or never) held the job
     */
    public record JobInfo(String jobId, String operation, long tasks, Optional<JobState> state, List<String> inputs,
                          List<String> outputs) {
        public JobInfo {
            requireNonNull(jobId, "jobId is null");
            requireNonNull(operation, "operation is null");
            requireNonNull(state, "state is null");
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        /** Whether nothing will run for it any more: final, or unknown to the runtime state. */
        public boolean finished() {
            return state.map(s -> s.status().isFinal()).orElse(true);
        }

        /** {@code running}, {@code succeeded}, {@code failed}, {@code cancelled} or {@code unknown}. */
        public String status() {
            return state.map(s -> s.status().name().toLowerCase(java.util.Locale.ROOT)).orElse("unknown");
        }
    }

    /** Every job whose spec is stored, by id. */
    public List<JobInfo> list() {
        var out = new ArrayList<JobInfo>();
        for (String id : specs.list().toCompletableFuture().join()) {
            status(id).ifPresent(out::add);
        }
        return out;
    }

    /** The job {@code jobId}, or empty if no spec is stored under that id. */
    public Optional<JobInfo> status(String jobId) {
        requireNonNull(jobId, "jobId is null");
        return specs.load(jobId).toCompletableFuture().join().map(spec -> info(spec, stateOf(jobId)));
    }

    private Optional<JobState> stateOf(String jobId) {
        try {
            return Optional.of(state.state(jobId).toCompletableFuture().join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof NoSuchElementException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static JobInfo info(JobSpec spec, Optional<JobState> st) {
        long tasks = st.map(JobState::total).orElse(-1L);
        return new JobInfo(spec.jobId(), spec.operation(), tasks, st, storeNames(spec, MatrixDecl.Role.INPUT),
                storeNames(spec, MatrixDecl.Role.OUTPUT));
    }

    private static List<String> storeNames(JobSpec spec, MatrixDecl.Role role) {
        return spec.bindings(role).stream().map(MatrixBinding::storeMatrix).toList();
    }

    /**
     * Cancels a running job: workers drop its tasks. A finished job stays as it ended.
     *
     * @throws NoSuchElementException naming the id if the services know no such job
     */
    public void cancel(String jobId) {
        JobInfo info = status(jobId).orElseThrow(() -> unknown(jobId));
        if (!info.finished()) {
            state.cancel(jobId).toCompletableFuture().join();
        }
    }

    /**
     * Records each output of a succeeded job as a stored matrix (a manifest from its binding,
     * unless one exists), so a client other than the one that submitted it can open the results.
     */
    public void recordOutputs(String jobId) {
        JobSpec spec = specs.load(jobId).toCompletableFuture().join().orElseThrow(() -> unknown(jobId));
        for (MatrixBinding b : spec.bindings(MatrixDecl.Role.OUTPUT)) {
            if (store.openMatrix(b.storeMatrix()).handle((m, e) -> e == null).toCompletableFuture().join()) {
                continue;
            }
            store.createMatrix(MatrixManifest.of(b.storeMatrix(), b.rows(), b.cols(), b.blockSize(), b.blockSize())
                    .withStructure(JobBinder.kindOf(b.storedTiles()).label(), b.storedTiles())).toCompletableFuture().join();
        }
    }

    /** What {@link #collect()} removed. */
    public record Collected(List<String> jobs, long temporaryTiles) {
        public Collected {
            jobs = List.copyOf(jobs);
        }
    }

    /**
     * Removes every finished job's spec, temporary tiles and runtime state; running jobs and
     * every job's outputs stay.
     */
    public Collected collect() {
        var removed = new ArrayList<String>();
        long tiles = 0;
        for (String id : specs.list().toCompletableFuture().join()) {
            Optional<JobSpec> spec = specs.load(id).toCompletableFuture().join();
            if (spec.isEmpty() || !info(spec.get(), stateOf(id)).finished()) {
                continue;
            }
            for (String matrix : storeNames(spec.get(), MatrixDecl.Role.TEMP)) {
                tiles += store.listMatrixKeys(matrix).toCompletableFuture().join().size();
                store.deleteMatrix(matrix).toCompletableFuture().join();
            }
            state.deleteJob(id).toCompletableFuture().join();
            specs.delete(id).toCompletableFuture().join();
            removed.add(id);
        }
        return new Collected(removed, tiles);
    }

    private static NoSuchElementException unknown(String jobId) {
        return new NoSuchElementException("no job " + jobId + " is stored here");
    }
}
