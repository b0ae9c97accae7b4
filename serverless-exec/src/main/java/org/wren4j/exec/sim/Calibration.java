package org.wren4j.exec.sim;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.TaskFlops;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;

/**
 * A {@link TaskModel} from measured rates: a task computes its kernel's textbook flops
 * ({@link TaskFlops}) at {@code gflops} GFLOP/s of one core (or its kernel's own rate in
 * {@code kernelGflops}), reads its distinct input tiles in parallel (one latency, then the bytes
 * at the worker's read bandwidth) and writes its outputs the same way. Tiles hold 8-byte doubles.
 *
 * <p>The defaults are assumptions to replace by measurements ({@link #load}); see the simulator's
 * documentation for how to measure each figure.
 */
public record Calibration(double gflops, Map<String, Double> kernelGflops, Duration readLatency, double readBytesPerSecond,
                          Duration writeLatency, double writeBytesPerSecond) implements TaskModel {
    /** One core's double-precision rate, GFLOP/s (an assumption: OpenBLAS DGEMM on one AVX2 core reaches 30-50). */
    public static final double DEFAULT_GFLOPS = 20;
    /** Object-store time to first byte (numpywren's paper: about 10 ms per S3 access). */
    public static final Duration DEFAULT_LATENCY = Duration.ofMillis(10);
    /** Bytes per second one worker reads or writes (an assumption for one Lambda's network share). */
    public static final double DEFAULT_BYTES_PER_SECOND = 80e6;

    public Calibration {
        kernelGflops = Map.copyOf(requireNonNull(kernelGflops, "kernelGflops is null"));
        requireNonNull(readLatency, "readLatency is null");
        requireNonNull(writeLatency, "writeLatency is null");
        positive("gflops", gflops);
        positive("read bytes per second", readBytesPerSecond);
        positive("write bytes per second", writeBytesPerSecond);
        kernelGflops.forEach((k, v) -> positive("gflops of " + k, v));
        if (readLatency.isNegative() || writeLatency.isNegative()) {
            throw new IllegalArgumentException("latencies must be >= 0, got " + readLatency + " and " + writeLatency);
        }
    }

    public static Calibration defaults() {
        return new Calibration(DEFAULT_GFLOPS, Map.of(), DEFAULT_LATENCY, DEFAULT_BYTES_PER_SECOND, DEFAULT_LATENCY, DEFAULT_BYTES_PER_SECOND);
    }

    /** Compute only, at {@code gflops}: no tile I/O (what {@code Wren.simulate}'s rate meant). */
    public static Calibration computeOnly(double gflops) {
        return new Calibration(gflops, Map.of(), Duration.ZERO, Double.MAX_VALUE, Duration.ZERO, Double.MAX_VALUE);
    }

    public Calibration withGflops(double rate) {
        return new Calibration(rate, kernelGflops, readLatency, readBytesPerSecond, writeLatency, writeBytesPerSecond);
    }

    /**
     * The defaults overridden by a properties file: {@code gflops}, {@code gflops.<kernel>} (e.g.
     * {@code gflops.syrk_update}), {@code read.latency.ms}, {@code read.mb_per_s},
     * {@code write.latency.ms}, {@code write.mb_per_s} (MB = 1e6 bytes).
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException naming the key whose value is not a positive number, or an unknown key
     */
    public static Calibration load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calibration " + file + ": " + e.getMessage(), e);
        }
        Calibration d = defaults();
        Map<String, Double> kernels = new HashMap<>();
        var known = new HashSet<>(java.util.List.of("gflops", "read.latency.ms", "read.mb_per_s", "write.latency.ms", "write.mb_per_s"));
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("gflops.")) {
                kernels.put(key.substring("gflops.".length()), number(file, p, key, 0));
            } else if (!known.contains(key)) {
                throw new IllegalArgumentException("calibration " + file + ": unknown key '" + key + "' (known: " + known + ", gflops.<kernel>)");
            }
        }
        return new Calibration(number(file, p, "gflops", d.gflops), kernels,
                millis(number(file, p, "read.latency.ms", d.readLatency.toNanos() / 1e6)),
                number(file, p, "read.mb_per_s", d.readBytesPerSecond / 1e6) * 1e6,
                millis(number(file, p, "write.latency.ms", d.writeLatency.toNanos() / 1e6)),
                number(file, p, "write.mb_per_s", d.writeBytesPerSecond / 1e6) * 1e6);
    }

    @Override
    public TaskCost cost(JobSpec spec, ProgramAnalysis analysis, Node node) {
        double flops = TaskFlops.flops(spec, analysis, node);
        double rate = kernelGflops.getOrDefault(analysis.statement(node.statement()).kernel(), gflops);
        long compute = Math.round(flops / rate);
        var distinct = new HashSet<ConcreteTile>();
        long readBytes = 0;
        for (ConcreteTile t : analysis.inputs(node)) {
            ConcreteTile src = analysis.source(t);
            if (distinct.add(src)) {
                readBytes += bytes(spec, src);
            }
        }
        long writeBytes = 0;
        var outputs = analysis.outputs(node);
        for (ConcreteTile t : outputs) {
            writeBytes += bytes(spec, t);
        }
        long read = distinct.isEmpty() ? 0 : readLatency.toNanos() + Math.round(readBytes / readBytesPerSecond * 1e9);
        long write = outputs.isEmpty() ? 0 : writeLatency.toNanos() + Math.round(writeBytes / writeBytesPerSecond * 1e9);
        return new TaskCost(read, compute, write, distinct.size(), outputs.size(), readBytes, writeBytes, flops);
    }

    private static long bytes(JobSpec spec, ConcreteTile tile) {
        long[] shape = TaskFlops.shape(spec, tile);
        return shape[0] * shape[1] * Double.BYTES;
    }

    private static Duration millis(double ms) {
        return Duration.ofNanos(Math.round(ms * 1e6));
    }

    private static double number(Path file, Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("calibration " + file + ": " + key + " must be a number >= 0, got '" + v + "'");
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || Double.isNaN(v)) {
            throw new IllegalArgumentException(what + " must be > 0, got " + v);
        }
    }
}
