package org.wren4j.exec.events;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Instant;
import java.util.function.Consumer;
import org.wren4j.tiles.internal.JsonWriter;

/**
 * Where this process's {@link Event}s go: nowhere by default, or one JSON line per event
 * ({@code {"ts": "2026-12-06T01:50:00.123456Z", "event": "task", ...}}) on standard error or
 * standard output, as the environment variable {@value #VARIABLE} says ({@code stderr},
 * {@code stdout}, {@code off}). Like a log level, it is the process's setting: worker processes
 * inherit it from their client's environment, and a Lambda function takes it from its own (its
 * standard output goes to CloudWatch Logs, whose queries read JSON fields). Emitting never
 * throws and never blocks on anything but the stream.
 */
public final class EventLog {
    /** The environment variable that sends events somewhere. */
    public static final String VARIABLE = "WREN4J_EVENTS";
    /** The sink that drops every event. */
    public static final Consumer<Event> NONE = e -> { };
    private static volatile Consumer<Event> sink = fromSetting(System.getenv(VARIABLE));

    private EventLog() {
    }

    /** Emits {@code event} to this process's sink. */
    public static void emit(Event event) {
        Consumer<Event> s = sink;
        try {
            s.accept(event);
        } catch (RuntimeException e) {
            // an event is a diagnostic: losing one never costs a task
        }
    }

    /** Whether events go anywhere (so callers can skip building them). */
    public static boolean enabled() {
        return sink != NONE;
    }

    /** Replaces this process's sink and returns the one before (for tests and embedding programs). */
    public static Consumer<Event> install(Consumer<Event> next) {
        Consumer<Event> before = sink;
        sink = requireNonNull(next, "next is null");
        return before;
    }

    /** A sink writing one JSON line per event to {@code out}. */
    public static Consumer<Event> jsonLines(PrintStream out) {
        requireNonNull(out, "out is null");
        return e -> out.println(line(e, Instant.now()));
    }

    /** The JSON line of {@code event} at {@code at}. */
    public static String line(Event event, Instant at) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("ts", at.toString());
        fields.put("event", event.type());
        fields.putAll(event.fields());
        return JsonWriter.object(fields);
    }

    /** The sink a value of {@value #VARIABLE} names; unset or {@code off}: none. */
    static Consumer<Event> fromSetting(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("off")) {
            return NONE;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "stderr" -> jsonLines(System.err);
            case "stdout" -> jsonLines(System.out);
            default -> {
                System.err.println("wren4j: " + VARIABLE + "=" + value + " is not one of stderr, stdout, off: events are off");
                yield NONE;
            }
        };
    }
}
