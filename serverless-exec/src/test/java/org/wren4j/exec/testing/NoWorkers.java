package org.wren4j.exec.testing;

import org.wren4j.spi.WorkerLauncher;

/** Starts no workers: the engine of a client that died right after submitting. */
public final class NoWorkers implements WorkerLauncher {
    @Override
    public void launch(int count) {
    }

    @Override
    public int running() {
        return 0;
    }

    @Override
    public double workerSeconds() {
        return 0;
    }

    @Override
    public void close() {
    }
}
