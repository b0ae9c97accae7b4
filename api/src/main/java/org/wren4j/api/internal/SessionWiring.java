package org.wren4j.api.internal;

import static java.util.Objects.requireNonNull;

import java.util.function.BiFunction;
import org.wren4j.api.Wren;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.tiles.TileStore;

/**
 * Not API: how wren4j's own CLI and benchmarks put a tile store and an engine of their making
 * (fault injection, worker processes, simulated kernels) under a session. Users reach the same
 * backends through {@link Wren.Builder#objectStore} and {@link Wren.Builder#services}. The
 * builder registers its side when its class initialises.
 */
public final class SessionWiring {
    /** The builder's side, registered by {@link Wren.Builder} itself. */
    public interface Access {
        void store(Wren.Builder builder, TileStore store);

        void engine(Wren.Builder builder, BiFunction<TileStore, EngineConfig, ExecEngine> factory);
    }

    private static volatile Access access;

    private SessionWiring() {
    }

    /** Called once by {@link Wren.Builder}'s static initialiser. */
    public static void register(Access builderSide) {
        if (access != null) {
            throw new IllegalStateException("session wiring is registered already");
        }
        access = requireNonNull(builderSide, "builderSide is null");
    }

    /** Puts {@code store} under the session {@code builder} builds. */
    public static Wren.Builder store(Wren.Builder builder, TileStore store) {
        access().store(requireNonNull(builder, "builder is null"), store);
        return builder;
    }

    /** Has the session {@code builder} builds make its engine with {@code factory}; the session closes it. */
    public static Wren.Builder engine(Wren.Builder builder, BiFunction<TileStore, EngineConfig, ExecEngine> factory) {
        access().engine(requireNonNull(builder, "builder is null"), factory);
        return builder;
    }

    private static Access access() {
        Access a = access;
        if (a == null) { // a builder instance exists, so its class has initialised: unreachable unless misused
            throw new IllegalStateException("Wren.Builder has not registered its session wiring");
        }
        return a;
    }
}
