package org.wren4j.planner.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.library.Programs;

/**
 * The implicit analysis against an explicit DAG, in the spirit of numpywren's Table 3: for
 * Cholesky and GEMM at n = 64K .. 1M, block 4096, prints one line per (program, n) with the
 * {@link AnalyzeReport} figures, the time to list the starting tasks, and the time and heap of
 * building the explicit DAG (every task, a writer map of tiles and child lists) when it has at
 * most {@code maxExplicitTasks} tasks. Run with a large heap, e.g. {@code -Xmx4g}.
 */
public final class Table3Benchmark {
    private Table3Benchmark() {
    }

    public static void main(String[] args) {
        long maxExplicit = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000L;
        long block = 4096;
        AnalyzeReport.json("cholesky", 65536, block); // warm-up: class loading and JIT
        AnalyzeReport.json("gemm", 65536, block);
        for (String name : List.of("cholesky", "gemm")) {
            for (long n = 65536; n <= 1048576; n *= 2) {
                String line = AnalyzeReport.json(name, n, block);
                Program p = Programs.byName(name);
                ProgramAnalysis a = ProgramAnalysis.of(p, AnalyzeReport.args(p, n, block));
                long t0 = System.nanoTime();
                long[] listed = {0};
                a.forEachStartingTask(t -> listed[0]++);
                double listMs = (System.nanoTime() - t0) / 1e6;
                String explicit = a.taskCount() <= maxExplicit ? explicit(a) : ",\"explicit\":\"skipped\"";
                System.out.println(line.substring(0, line.length() - 1)
                        + ",\"starting_list_ms\":" + Math.round(listMs * 1000) / 1000.0 + explicit + "}");
            }
        }
    }

    /** Builds the explicit DAG by brute force and reports its build time and retained heap. */
    private static String explicit(ProgramAnalysis a) {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        Map<ConcreteTile, Node> writerOf = new HashMap<>();
        List<Node> tasks = new ArrayList<>();
        a.forEachTask(t -> {
            tasks.add(t);
            for (ConcreteTile out : a.outputs(t)) {
                writerOf.put(out, t);
            }
        });
        Map<Node, List<Node>> children = new HashMap<>();
        long edges = 0;
        for (Node t : tasks) {
            for (ConcreteTile in : a.inputs(t)) {
                Node w = writerOf.get(in);
                if (w != null) {
                    children.computeIfAbsent(w, x -> new ArrayList<>(2)).add(t);
                    edges++;
                }
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        long mb = (after - before) >> 20;
        String out = ",\"explicit_ms\":" + Math.round(ms) + ",\"explicit_mb\":" + mb + ",\"explicit_edges\":" + edges;
        if (children.size() + writerOf.size() + tasks.size() < 0) {
            throw new AssertionError(); // keeps the structures reachable until measured
        }
        return out;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }
}
