package org.wren4j.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A bounded window of asynchronous tile operations (make, load, copy, write): at most
 * {@link #capacity()} tiles are in flight at once, so the client's memory is bounded by a few
 * tiles, not by the matrix, whatever the store's speed. {@link #submit} blocks while the window is
 * full; {@link #finish} waits for the rest and throws one error naming what failed. After the
 * first failure, later submissions are not started.
 */
final class TileWindow {
    /** Share of the heap the tiles in flight may take. */
    static final double HEAP_SHARE = 0.125;

    private final String what;
    private final int capacity;
    private final Semaphore permits;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile int peak;
    private int inFlight;

    TileWindow(int capacity, String what) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a tile window needs room for at least one tile, got " + capacity);
        }
        this.capacity = capacity;
        this.what = what;
        this.permits = new Semaphore(capacity);
    }

    /**
     * A window for tiles of up to {@code block x block} doubles, with room for {@code parallelism}
     * tiles being made and as many being written, capped at {@link #HEAP_SHARE} of the heap (never
     * below one tile).
     */
    static TileWindow forTiles(int block, int parallelism, String what) {
        return new TileWindow(capacity(block, parallelism, Runtime.getRuntime().maxMemory()), what);
    }

    static int capacity(int block, int parallelism, long maxHeap) {
        double tileBytes = (double) block * block * Double.BYTES;
        long byHeap = (long) (HEAP_SHARE * maxHeap / tileBytes);
        long wanted = 2L * Math.max(1, parallelism) + 2;
        return (int) Math.max(1, Math.min(wanted, byHeap));
    }

    int capacity() {
        return capacity;
    }

    /** The most tiles that were in flight at once. */
    int peak() {
        return peak;
    }

    /** Starts {@code op} once the window has room; returns at once if an earlier tile failed. */
    void submit(Supplier<? extends CompletableFuture<?>> op) {
        if (failure.get() != null) {
            return;
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WrenException("interrupted while " + what);
        }
        entered();
        CompletableFuture<?> f;
        try {
            f = op.get();
        } catch (RuntimeException e) {
            left(e);
            return;
        }
        f.whenComplete((v, e) -> left(e));
    }

    /** Waits for every submitted tile; throws the first failure, in the user's terms. */
    void finish() {
        try {
            permits.acquire(capacity);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WrenException("interrupted while " + what);
        }
        permits.release(capacity);
        Throwable e = failure.get();
        if (e != null) {
            throw Errors.io(what, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private synchronized void entered() {
        inFlight++;
        if (inFlight > peak) {
            peak = inFlight;
        }
    }

    private void left(Throwable e) {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
        synchronized (this) {
            inFlight--;
        }
        permits.release();
    }
}
