package org.wren4j.exec.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.provision.Provisioner;
import org.wren4j.exec.queue.Lease;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.state.ChildCount;
import org.wren4j.exec.state.Completion;
import org.wren4j.exec.state.JobStatus;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.spi.WorkerLauncher;

/**
 * A discrete-event simulation of one job in virtual time that drives the real control plane:
 * the program's {@link ProgramAnalysis} (starting tasks, children, parent counts, priorities;
 * the task graph is never built), the {@link MemoryRuntimeState} protocol (atomic completion
 * returning the ready children), the {@link MemoryTaskQueue}'s leases, priorities and
 * at-least-once redelivery on a virtual clock, and the {@link Provisioner} with its policy,
 * stepped once per period. Workers are modelled, not run: each is a few fields and at most one
 * pending event (no thread), and follows the real worker's loop: lease up to its pipeline
 * width, top up when half of it is free, run one task at a time for its {@link TaskModel} time,
 * complete it, enqueue the ready children, acknowledge, exit after its idle timeout or at its
 * runtime limit. Memory grows with the workers, the ready tasks and the state store's per-task
 * entries (as a real state store's does), never with the graph's edges.
 */
public final class Simulator {
    private static final int START = 0;
    private static final int DONE = 1;
    private static final int IDLE = 2;
    private static final int TICK = 3;
    private static final int SEND_BATCH = 10;
    private static final long STALL_NANOS = Duration.ofDays(1).toNanos();

    private record Event(long at, long seq, int kind, SimWorker worker) {
    }

    private final class SimWorker {
        final long launchedAt = now;
        final ArrayDeque<Lease> held = new ArrayDeque<>();
        long lastWork;
        long stopLeasingAt;
        Lease current;
        long currentNanos;
        boolean idle;
    }

    private final JobSpec spec;
    private final SimOptions options;
    private final ProgramAnalysis analysis;
    private final MemoryTaskQueue queue;
    private final MemoryRuntimeState state = new MemoryRuntimeState();
    private final Provisioner provisioner;
    private final PriorityQueue<Event> events = new PriorityQueue<>(Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
    private final Set<SimWorker> alive = new LinkedHashSet<>();
    private final ArrayDeque<SimWorker> idle = new ArrayDeque<>();
    private final Profile profile;
    private final int width;
    private final Duration visibility;
    private long now;
    private long seq;
    private int busy;
    private int peak;
    private long launches;
    private long executions;
    private long lastCompletion;
    private long provisionedNanos;
    private long busyNanos;
    private long queueRequests;
    private long stateRequests;
    private long tileGets;
    private long tilePuts;
    private long bytesRead;
    private long bytesWritten;
    private boolean finished;

    private Simulator(JobSpec spec, SimOptions options) {
        this.spec = requireNonNull(spec, "spec is null");
        this.options = requireNonNull(options, "options is null");
        this.analysis = ProgramAnalysis.of(spec.program(), spec.args());
        this.queue = MemoryTaskQueue.driven(() -> now);
        this.provisioner = Provisioner.driven(queue, new Launcher(), options.policy());
        this.profile = new Profile(options.sampleEvery().toNanos());
        this.width = options.worker().pipelineWidth();
        this.visibility = options.worker().visibility();
    }

    /** Simulates {@code spec} from its submission at time 0 to its last completion. */
    public static SimResult run(JobSpec spec, SimOptions options) {
        return new Simulator(spec, options).run();
    }

    private SimResult run() {
        String jobId = spec.jobId();
        long total = analysis.taskCount();
        state.startJob(jobId, total).toCompletableFuture().join();
        var batch = new ArrayList<TaskMessage>();
        analysis.forEachStartingTask(n -> {
            batch.add(new TaskMessage(jobId, n.key(), analysis.priority(n)));
            if (batch.size() == 4096) {
                send(batch);
                batch.clear();
            }
        });
        send(batch);
        finished = total == 0;
        schedule(0, TICK, null);
        while (!finished) {
            Event e = events.poll();
            now = e.at;
            if (now - lastCompletion > STALL_NANOS) {
                throw new IllegalStateException("simulated job " + jobId + " made no progress for a day of virtual time: "
                        + state.state(jobId).toCompletableFuture().join());
            }
            switch (e.kind) {
                case TICK -> tick();
                case START -> started(e.worker);
                case DONE -> done(e.worker);
                case IDLE -> idleCheck(e.worker);
                default -> throw new AssertionError(e.kind);
            }
        }
        long end = lastCompletion;
        long idleNanos = options.worker().idleTimeout().toNanos();
        for (SimWorker w : alive) {
            // each exits once its idle timeout passes with the queue empty (a late one after its cold start)
            long exit = Math.max(end, Math.max(w.lastWork, w.launchedAt + options.coldStart().toNanos()) + idleNanos);
            provisionedNanos += exit - w.launchedAt;
        }
        provisioner.close();
        queue.close();
        state.close();
        var requests = new SimResult.Requests(queueRequests, stateRequests, tileGets, tilePuts, bytesRead, bytesWritten);
        return new SimResult(end / 1e9, total, executions, provisionedNanos / 1e9, busyNanos / 1e9, peak, launches, requests, profile);
    }

    private void schedule(long at, int kind, SimWorker w) {
        events.add(new Event(at, seq++, kind, w));
    }

    private void send(List<TaskMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        queue.send(List.copyOf(messages)).toCompletableFuture().join();
        queueRequests += (messages.size() + SEND_BATCH - 1) / SEND_BATCH;
        wake(messages.size());
    }

    /** Idle workers long-poll the queue: up to {@code count} of them take what just arrived. */
    private void wake(long count) {
        for (long i = 0; i < count && !idle.isEmpty(); i++) {
            SimWorker w = idle.poll();
            w.idle = false;
            next(w);
        }
    }

    private void tick() {
        queue.expire();
        long pending = queue.pending().toCompletableFuture().join();
        wake(pending);
        provisioner.step();
        profile.sample(now, queue.pending().toCompletableFuture().join(), alive.size(), busy);
        schedule(now + options.policy().period().toNanos(), TICK, null);
    }

    private void started(SimWorker w) {
        w.lastWork = now;
        w.stopLeasingAt = now + options.worker().maxRuntime().toNanos();
        next(w);
    }

    /** The worker's loop between tasks; see {@code Worker}. */
    private void next(SimWorker w) {
        boolean nearLimit = now >= w.stopLeasingAt;
        int free = nearLimit ? 0 : width - w.held.size();
        if (w.held.isEmpty()) {
            if (nearLimit) {
                exit(w);
                return;
            }
            lease(w, free);
            if (w.held.isEmpty()) {
                w.idle = true;
                idle.add(w);
                schedule(Math.max(now, w.lastWork + options.worker().idleTimeout().toNanos()), IDLE, w);
                return;
            }
        } else if (free >= Math.max(1, width / 2)) {
            lease(w, free);
        }
        start(w, w.held.poll());
    }

    private void lease(SimWorker w, int max) {
        w.held.addAll(queue.lease(max, visibility, Duration.ZERO).toCompletableFuture().join());
        queueRequests++;
    }

    private void start(SimWorker w, Lease lease) {
        Node node = Node.parse(lease.message().taskKey());
        TaskCost cost = options.model().cost(spec, analysis, node);
        long service = cost.serviceNanos(width);
        // the lease keeper renews what the worker holds while it works
        Duration hold = visibility.plusNanos(service);
        renew(lease, hold);
        for (Lease l : w.held) {
            renew(l, hold);
        }
        tileGets += cost.tilesRead();
        tilePuts += cost.tilesWritten();
        bytesRead += cost.bytesRead();
        bytesWritten += cost.bytesWritten();
        w.current = lease;
        w.currentNanos = service;
        busy++;
        schedule(now + service, DONE, w);
    }

    private void renew(Lease l, Duration hold) {
        queueRequests++;
        try {
            queue.renew(l, hold).toCompletableFuture().join();
        } catch (CompletionException e) {
            // lost: it was redelivered to another worker; running it twice is harmless
        }
    }

    private void done(SimWorker w) {
        Lease lease = w.current;
        w.current = null;
        busy--;
        busyNanos += w.currentNanos;
        executions++;
        String jobId = spec.jobId();
        Node node = Node.parse(lease.message().taskKey());
        List<Node> children = analysis.children(node);
        List<ChildCount> counts = new ArrayList<>(children.size());
        for (Node c : children) {
            counts.add(new ChildCount(c.key(), analysis.parents(c).size()));
        }
        Completion completion = state.complete(jobId, node.key(), counts, 0, List.of()).toCompletableFuture().join();
        stateRequests++;
        var ready = new ArrayList<TaskMessage>(completion.ready().size());
        for (String key : completion.ready()) {
            ready.add(new TaskMessage(jobId, key, analysis.priority(Node.parse(key))));
        }
        queue.ack(lease).toCompletableFuture().join();
        queueRequests++;
        lastCompletion = now;
        w.lastWork = now;
        if (state.state(jobId).toCompletableFuture().join().status() == JobStatus.SUCCEEDED) {
            finished = true;
            return;
        }
        // as the real worker: children are sent (served at once to idle workers' long polls), then it leases again
        send(ready);
        next(w);
    }

    private void idleCheck(SimWorker w) {
        if (w.idle && now - w.lastWork >= options.worker().idleTimeout().toNanos()) {
            idle.remove(w);
            w.idle = false;
            exit(w);
        }
    }

    private void exit(SimWorker w) {
        alive.remove(w);
        provisionedNanos += now - w.launchedAt;
    }

    /** Workers as the provisioner sees them: launched ones count from their launch to their exit. */
    private final class Launcher implements WorkerLauncher {
        @Override
        public void launch(int count) {
            for (int i = 0; i < count; i++) {
                SimWorker w = new SimWorker();
                alive.add(w);
                launches++;
                schedule(now + options.coldStart().toNanos(), START, w);
            }
            peak = Math.max(peak, alive.size());
        }

        @Override
        public int running() {
            return alive.size();
        }

        @Override
        public double workerSeconds() {
            return provisionedNanos / 1e9;
        }

        @Override
        public void close() {
        }
    }
}
