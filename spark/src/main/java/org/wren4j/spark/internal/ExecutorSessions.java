package org.wren4j.spark.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wren4j.api.Wren;
import org.wren4j.spark.SharedStore;

/**
 * One wren4j session per store in each executor JVM, shared by the tasks that run there, so a
 * task does not pay for opening a session (and, on services, their connections). Sessions close
 * when the JVM exits; they own no scratch matrices, since they only write and read names the
 * driver chose.
 */
public final class ExecutorSessions {
    private static final Map<SharedStore, Wren> SESSIONS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SESSIONS.values().forEach(Wren::close), "wren4j-executor-sessions"));
    }

    private ExecutorSessions() {
    }

    /**
     * Closes this JVM's session on {@code store}, if any: in local mode the driver's JVM is the
     * executor, and its session should not outlive the application's (nor the services it talks to).
     */
    public static void close(SharedStore store) {
        Wren w = SESSIONS.remove(store);
        if (w != null) {
            w.close();
        }
    }

    public static Wren get(SharedStore store) {
        return SESSIONS.computeIfAbsent(store, s -> s.configure(Wren.builder()).workers(1).deleteScratchOnClose(false).build());
    }
}
