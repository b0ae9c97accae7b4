package org.wren4j.api.internal;

import static java.util.Objects.requireNonNull;

import org.wren4j.api.Wren;
import org.wren4j.tiles.TileStore;

/**
 * Not API: how wren4j's own tests put a tile store of their making (a {@link TileStore} over any
 * object store, with its own key layout) under a session. Users reach the same through
 * {@link Wren.Builder#objectStore}. The builder registers its side when its class initialises.
 */
public final class SessionWiring {
    /** The builder's side, registered by {@link Wren.Builder} itself. */
    public interface Access {
        void store(Wren.Builder builder, TileStore store);
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

    private static Access access() {
        Access a = access;
        if (a == null) { // a builder instance exists, so its class has initialised: unreachable unless misused
            throw new IllegalStateException("Wren.Builder has not registered its session wiring");
        }
        return a;
    }
}
