package org.wren4j.exec.provision;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;
import org.wren4j.exec.worker.Worker;
import org.wren4j.spi.WorkerLauncher;

/** Workers as daemon threads of this JVM: the embedded default. */
public final class ThreadLauncher implements WorkerLauncher {
    private final Supplier<Worker> factory;
    private final Set<Worker> alive = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final DoubleAdder finishedSeconds = new DoubleAdder();
    private final ConcurrentHashMap<Worker, Long> started = new ConcurrentHashMap<>();

    public ThreadLauncher(Supplier<Worker> factory) {
        this.factory = factory;
    }

    @Override
    public void launch(int count) {
        for (int i = 0; i < count; i++) {
            Worker w = factory.get();
            alive.add(w);
            started.put(w, System.nanoTime());
            Thread t = new Thread(() -> {
                try {
                    w.run();
                } finally {
                    finishedSeconds.add((System.nanoTime() - started.remove(w)) / 1e9);
                    alive.remove(w);
                }
            }, "wren4j-worker-" + ids.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public int running() {
        return alive.size();
    }

    @Override
    public double workerSeconds() {
        long now = System.nanoTime();
        double live = 0;
        for (Long s : started.values()) {
            live += (now - s) / 1e9;
        }
        return finishedSeconds.sum() + live;
    }

    @Override
    public void close() {
        alive.forEach(Worker::stop);
    }
}
