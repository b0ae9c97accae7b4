package org.wren4j.exec.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.JobResult;
import org.wren4j.exec.ProgressListener;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.FaultInjectingObjectStore;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.tiles.TileStore;

/** Events as JSON lines, and the events a real job emits: one per execution, retries, scaling. */
class EventLogTest {
    private static final EngineConfig CONFIG = EngineConfig.defaults().withMaxWorkers(2)
            .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(300), 50, Duration.ofMillis(5)));
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private Consumer<Event> before;

    @BeforeEach
    void capture() {
        before = EventLog.install(events::add);
    }

    @AfterEach
    void restore() {
        EventLog.install(before);
    }

    @Test
    void anEventIsOneJsonLineWithTimeTypeAndFieldsInOrder() {
        var e = new Event.TaskDone("j1", "s0:1,2", "gemm", "h/12/w-1", 2, false, 0.25, 1.5, 0.125, 1000, 800);
        assertThat(EventLog.line(e, Instant.parse("2026-12-06T01:50:00.123456Z"))).isEqualTo("{\"ts\": \"2026-12-06T01:50:00.123456Z\", "
                + "\"event\": \"task\", \"job\": \"j1\", \"task\": \"s0:1,2\", \"kernel\": \"gemm\", \"worker\": \"h/12/w-1\", \"attempt\": 2, "
                + "\"run_ahead\": false, \"read_s\": 0.25, \"compute_s\": 1.5, \"write_s\": 0.125, \"bytes_read\": 1000, \"bytes_written\": 800}");
        var retry = new Event.TaskRetried("j1", "s0:\"x\"", 1, 0.1, "line one\nline two");
        assertThat(EventLog.line(retry, Instant.EPOCH)).contains("\"task\": \"s0:\\\"x\\\"\"", "\"error\": \"line one\\nline two\"")
                .doesNotContain("\n");
        var out = new ByteArrayOutputStream();
        EventLog.jsonLines(new PrintStream(out, true, StandardCharsets.UTF_8)).accept(new Event.Throttled("lambda f", 3, 1.0));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"ts\": \"").endsWith("\"event\": \"throttle\", \"launcher\": \"lambda f\", "
                + "\"in_a_row\": 3, \"pause_s\": 1.0}" + System.lineSeparator());
    }

    @Test
    void theSettingNamesTheStreamAndAnythingElseTurnsEventsOff() {
        assertThat(EventLog.fromSetting(null)).isSameAs(EventLog.NONE);
        assertThat(EventLog.fromSetting("off")).isSameAs(EventLog.NONE);
        assertThat(EventLog.fromSetting(" ")).isSameAs(EventLog.NONE);
        assertThat(EventLog.fromSetting("stderr")).isNotSameAs(EventLog.NONE);
        assertThat(EventLog.fromSetting("STDOUT")).isNotSameAs(EventLog.NONE);
        assertThat(EventLog.fromSetting("syslog")).isSameAs(EventLog.NONE);
    }

    @Test
    void aFailingSinkNeverCostsATask() {
        EventLog.install(e -> {
            throw new IllegalStateException("log service down");
        });
        var c = new CholeskyCase(60, 16, 2);
        TileStore store = TileStore.inMemory();
        c.writeInput(store, "A");
        try (var engine = ExecEngine.embedded(store, CONFIG)) {
            assertThat(engine.run(c.spec("sink-down", "A", "L"), ProgressListener.NONE).tasks()).isEqualTo(c.tasks());
        }
    }

    /** Reads that fail transiently make tasks retry: each retry is an event, each execution a task event, and the provisioner's choices too. */
    @Test
    void aJobEmitsATaskEventPerExecutionRetriesAndScaling() {
        var c = new CholeskyCase(150, 16, 3);
        TileStore clean = TileStore.inMemory();
        c.writeInput(clean, "A");
        var objects = new MemoryObjectStore();
        TileStore store = new TileStore(objects, "wren4j");
        c.writeInput(store, "A");
        var faulty = new FaultInjectingObjectStore(objects, FaultInjectingObjectStore.Options.builder().seed(7).failureRate(0.05)
                .operations(Set.of(FaultInjectingObjectStore.Operation.GET)).build());
        JobResult r;
        try (var engine = ExecEngine.embedded(new TileStore(faulty, "wren4j"), CONFIG)) {
            r = engine.run(c.spec("evented", "A", "L"), ProgressListener.NONE);
        }
        List<Event.TaskDone> done = events.stream().filter(Event.TaskDone.class::isInstance).map(Event.TaskDone.class::cast).toList();
        assertThat(done).hasSize((int) r.executions());
        assertThat(done.stream().map(Event.TaskDone::task).distinct().count()).isEqualTo(c.tasks());
        assertThat(done).allSatisfy(d -> {
            assertThat(d.job()).isEqualTo("evented");
            assertThat(d.computeSeconds()).isGreaterThanOrEqualTo(0);
            assertThat(d.bytesWritten()).isPositive();
            assertThat(d.attempt()).isPositive();
        });
        assertThat(done.stream().map(Event.TaskDone::kernel).distinct()).contains("chol", "trsm_rlt", "syrk_update");
        List<Event.TaskRetried> retried = events.stream().filter(Event.TaskRetried.class::isInstance).map(Event.TaskRetried.class::cast).toList();
        assertThat(retried).as("5% of reads fail").isNotEmpty();
        assertThat(retried).allSatisfy(t -> assertThat(t.error()).isNotBlank());
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.Scaled.class, s -> assertThat(s.launched()).isPositive()));
        assertThat(events).noneMatch(Event.JobFailedByTask.class::isInstance);
    }
}
