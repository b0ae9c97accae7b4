package org.wren4j.exec.testing;

import java.util.Random;
import org.wren4j.exec.kernels.KernelLibrary;
import org.wren4j.planner.library.KernelSpecs;
import org.wren4j.tiles.Tile;

/**
 * A process whose threads run GEMM and QR tile kernels back to back, forever: the target of a test
 * that stops it with SIGTERM mid-kernel. Prints "running" once every thread is in its loop.
 */
public final class KernelLoopMain {
    private KernelLoopMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        KernelLibrary.singleThreaded();
        var started = new java.util.concurrent.CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long seed = t;
            Thread th = new Thread(() -> {
                var random = new Random(seed);
                double[] v = new double[n * n];
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextDouble();
                }
                Tile a = Tile.wrap(n, n, v);
                started.countDown();
                while (true) {
                    KernelLibrary.run(KernelSpecs.GEMM.name(), new Tile[] {a, a}, new double[0]);
                    KernelLibrary.run(KernelSpecs.QR_FACTOR.name(), new Tile[] {a}, new double[0]);
                }
            }, "kernel-loop-" + t);
            th.start();
        }
        started.await();
        System.out.println("running");
        System.out.flush();
        Thread.currentThread().join();
    }
}
