package org.wren4j.api;

import java.util.function.BiFunction;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.services.Services;
import org.wren4j.tiles.TileStore;

/**
 * Where a session keeps its tiles and who computes: this JVM (the default, or a store and engine
 * of the caller's), or the services at some endpoints with worker threads here or Lambda
 * invocations. The session closes the store; the engine closes the queue and the state.
 */
record SessionBackend(TileStore store, ExecEngine engine) {
    static SessionBackend embedded(TileStore store, BiFunction<TileStore, EngineConfig, ExecEngine> engine, EngineConfig config) {
        TileStore s = store != null ? store : TileStore.inMemory();
        return new SessionBackend(s, engine.apply(s, config));
    }

    /** @param lambda Lambda workers, or null for threads in this JVM */
    static SessionBackend services(ServiceEndpoints endpoints, LambdaWorkers lambda, EngineConfig config) {
        Services services;
        try {
            services = Services.open(endpoints.toServices());
        } catch (org.wren4j.exec.services.ServiceUnavailableException e) {
            // qualified: the exec exception shares its simple name with the user's ServiceUnavailableException
            throw new ServiceUnavailableException(e.getMessage(), e);
        }
        TileStore store = services.store();
        ExecEngine engine = lambda == null
                ? ExecEngine.withServices(store, services.queue(), services.state(), config)
                : ExecEngine.withServices(store, services.queue(), services.state(), config, host -> Services.lambdaLauncher(
                        services.endpoints(), config.worker(), lambda.function(), lambda.endpoint(), lambda.margin()));
        return new SessionBackend(store, engine);
    }
}
