package org.wren4j.exec.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.wren4j.tiles.Tile;

/**
 * How much of a kernel call is the BLAS call itself: for gemm, trsm_lln and chol on n x n tiles,
 * the median time of the bare OpenBLAS call on native memory prepared in advance, against the
 * whole {@link KernelLibrary#run} (shape checks, copies in and out of native memory, the result
 * tile). One BLAS thread, as on a worker. Prints one JSON object; {@code scratch_copy_ms} is the
 * copy path alone (bulk {@code put} into reused thread-local buffers, one bulk {@code get}).
 *
 * <p>With {@code lapack=N} it also times the QR and LU kernels on N x N tiles against the
 * planner's plain-Java reference they replaced ({@code kernel_ms} median of reps, {@code reference_ms}
 * one run).
 *
 * <p>Run: {@code java -cp <test classpath> org.wren4j.exec.kernels.KernelPathBench [n ...] [reps=5] [lapack=512]}.
 */
public final class KernelPathBench {
    private KernelPathBench() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        int reps = 5;
        int lapack = 0;
        for (String a : args) {
            if (a.startsWith("lapack=")) {
                lapack = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("reps=")) {
                reps = Integer.parseInt(a.substring(5));
            } else {
                sizes.add(Integer.parseInt(a));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1024, 2048);
        }
        KernelLibrary.singleThreaded();
        StringBuilder json = new StringBuilder("{\"blas_threads\": ").append(DenseLinalg.blasThreads())
                .append(", \"reps\": ").append(reps).append(", \"results\": [");
        String sep = "";
        for (int n : sizes) {
            for (String kernel : new String[] {"gemm", "trsm_lln", "chol"}) {
                double[] r = measure(kernel, n, reps);
                json.append(sep).append(String.format(Locale.ROOT,
                        "\n  {\"kernel\": \"%s\", \"n\": %d, \"blas_ms\": %.2f, \"kernel_ms\": %.2f, \"overhead_ms\": %.2f, \"overhead_pct\": %.1f, "
                                + "\"scratch_copy_ms\": %.2f}",
                        kernel, n, r[0], r[1], r[1] - r[0], 100 * (r[1] - r[0]) / r[0], r[2]));
                sep = ",";
            }
        }
        json.append("\n]");
        if (lapack > 0) {
            json.append(", \"lapack_kernels\": [");
            sep = "";
            for (String kernel : new String[] {"qr_factor", "qr_leaf_qt", "qr_pair_factor", "lq_factor", "lu_cand", "lu_diag", "lu_update"}) {
                double[] r = versusReference(kernel, lapack, reps);
                json.append(sep).append(String.format(Locale.ROOT,
                        "\n  {\"kernel\": \"%s\", \"n\": %d, \"kernel_ms\": %.2f, \"reference_ms\": %.2f, \"speedup\": %.1f}",
                        kernel, lapack, r[0], r[1], r[1] / r[0]));
                sep = ",";
            }
            json.append("\n]");
        }
        System.out.println(json.append("}"));
    }

    /** Median ms of (bare BLAS call, whole kernel, scratch copy path). */
    private static double[] measure(String kernel, int n, int reps) {
        SplittableRandom random = new SplittableRandom(n);
        Tile a = kernel.equals("chol") ? spd(n, random) : kernel.equals("trsm_lln") ? lower(n, random) : uniform(n, random);
        Tile b = uniform(n, random);
        Tile[] in = kernel.equals("chol") ? new Tile[] {a} : new Tile[] {a, b};
        double[] blas = new double[reps];
        double[] whole = new double[reps];
        double[] scratch = new double[reps];
        long len = (long) n * n;
        try (DoublePointer pa = new DoublePointer(len); DoublePointer pb = new DoublePointer(len);
             DoublePointer pc = new DoublePointer(len)) {
            for (int rep = -2; rep < reps; rep++) { // two warm-up rounds
                pa.put(a.values(), 0, (int) len);
                pb.put(b.values(), 0, (int) len);
                long t0 = System.nanoTime();
                switch (kernel) {
                    case "gemm" -> openblas.cblas_dgemm(Blas.COL_MAJOR, Blas.NO_TRANS, Blas.NO_TRANS, n, n, n, 1.0, pa, n, pb, n, 0.0, pc, n);
                    case "trsm_lln" -> openblas.cblas_dtrsm(Blas.COL_MAJOR, openblas.CblasLeft, openblas.CblasLower, Blas.NO_TRANS,
                            openblas.CblasNonUnit, n, n, 1.0, pa, n, pb, n);
                    default -> openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, pa, n);
                }
                long t1 = System.nanoTime();
                Tile[] out = KernelLibrary.run(kernel, in, new double[0]);
                long t2 = System.nanoTime();
                if (out[0].rows() != n) {
                    throw new AssertionError("unexpected output " + out[0]);
                }
                double[] result = new double[(int) len];
                for (Tile t : in) {
                    Blas.load(0, t);
                }
                Blas.scratch(2, len).get(result, 0, (int) len);
                long t3 = System.nanoTime();
                if (rep >= 0) {
                    blas[rep] = (t1 - t0) / 1e6;
                    whole[rep] = (t2 - t1) / 1e6;
                    scratch[rep] = (t3 - t2) / 1e6;
                }
            }
        }
        return new double[] {median(blas), median(whole), median(scratch)};
    }

    /** (median ms of the kernel, ms of one reference run) on n x n tiles. */
    private static double[] versusReference(String kernel, int n, int reps) {
        SplittableRandom random = new SplittableRandom(n);
        Tile a = uniform(n, random);
        Tile b = uniform(n, random);
        double[] none = new double[0];
        Tile[] in;
        double[] scalars = none;
        switch (kernel) {
            case "qr_leaf_qt" -> in = new Tile[] {KernelLibrary.run("qr_factor", new Tile[] {a}, none)[1], b};
            case "qr_pair_factor" -> in = new Tile[] {KernelLibrary.run("qr_factor", new Tile[] {a}, none)[0],
                    KernelLibrary.run("qr_factor", new Tile[] {b}, none)[0]};
            case "lu_cand" -> {
                in = new Tile[] {a, b};
                scalars = new double[] {0};
            }
            case "lu_diag", "lu_update" -> {
                Tile p = KernelLibrary.run("lu_cand", new Tile[] {a, b}, new double[] {0})[0];
                scalars = kernel.equals("lu_diag") ? new double[] {0} : new double[] {0, 1};
                in = kernel.equals("lu_diag") ? new Tile[] {p, a} : new Tile[] {p, a, b, uniform(n, random), uniform(n, random)};
            }
            default -> in = new Tile[] {a};
        }
        double[] times = new double[reps];
        for (int rep = -1; rep < reps; rep++) {
            long t0 = System.nanoTime();
            KernelLibrary.run(kernel, in, scalars);
            if (rep >= 0) {
                times[rep] = (System.nanoTime() - t0) / 1e6;
            }
        }
        long t0 = System.nanoTime();
        KernelInputs.reference(kernel, scalars, in);
        return new double[] {median(times), (System.nanoTime() - t0) / 1e6};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static Tile uniform(int n, SplittableRandom random) {
        double[] v = new double[n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return Tile.wrap(n, n, v);
    }

    /** Diagonally dominant lower triangle (well conditioned). */
    private static Tile lower(int n, SplittableRandom random) {
        double[] v = uniform(n, random).values();
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < c; r++) {
                v[c * n + r] = 0;
            }
            v[c * n + c] = n;
        }
        return Tile.wrap(n, n, v);
    }

    /** Random symmetric, diagonally dominant: positive definite. */
    private static Tile spd(int n, SplittableRandom random) {
        double[] v = new double[n * n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r <= c; r++) {
                double x = random.nextDouble() - 0.5;
                v[c * n + r] = x;
                v[r * n + c] = x;
            }
            v[c * n + c] = n;
        }
        return Tile.wrap(n, n, v);
    }
}
