package org.wren4j.planner.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.ProgramCodec;
import org.wren4j.planner.library.Programs;

/**
 * Measures the implicit analysis of a library program at matrix size {@code n} and block size
 * {@code block}: the data behind {@code wren4j analyze}. Every grid parameter is
 * {@code ceil(n / block)}; a parameter named {@code NB} (tile width of arg reductions) is the block.
 */
public final class AnalyzeReport {
    /** Tasks sampled to time children and parents. */
    public static final int SAMPLE = 2000;

    private AnalyzeReport() {
    }

    /** The parameter values of {@code program} for an {@code n x n} matrix in tiles of {@code block}. */
    public static Map<String, Long> args(Program program, long n, long block) {
        if (n < 1 || block < 1) {
            throw new IllegalArgumentException("n and block must be >= 1, got n=" + n + ", block=" + block);
        }
        long grid = (n + block - 1) / block;
        var args = new LinkedHashMap<String, Long>();
        for (String p : program.params()) {
            args.put(p, p.equals("NB") ? block : grid);
        }
        return args;
    }

    /**
     * What {@link #json} reports: sizes, counts, and the times (ms, or µs per task over
     * {@code sampledTasks} tasks) the analysis took to count and walk them.
     */
    public record Figures(String program, long n, long block, long grid, long tasks, double tasksMs, int programBytes,
                          long startingTasks, double startingMs, double childrenUs, double parentsUs, int sampledTasks) {
    }

    /**
     * Measures the analysis of {@code programName} at matrix size {@code n} in tiles of {@code block}.
     *
     * @throws IllegalArgumentException for an unknown program or bad sizes
     */
    public static Figures measure(String programName, long n, long block) {
        Program program = Programs.byName(programName);
        Map<String, Long> args = args(program, n, block);
        int bytes = ProgramCodec.encode(program).length;
        long t0 = System.nanoTime();
        ProgramAnalysis a = ProgramAnalysis.of(program, args);
        long tasks = a.taskCount();
        long t1 = System.nanoTime();
        long starting = a.startingTaskCount();
        long t2 = System.nanoTime();
        List<Node> sample = a.sampleTasks(SAMPLE, 42);
        double childrenUs = perTaskMicros(sample, a, true);
        double parentsUs = perTaskMicros(sample, a, false);
        return new Figures(programName, n, block, args.values().iterator().next(), tasks, ms(t1 - t0), bytes, starting, ms(t2 - t1),
                round(childrenUs), round(parentsUs), sample.size());
    }

    /**
     * One JSON line: program, n, block, grid, tasks, tasks_ms, program_bytes, starting_tasks,
     * starting_ms (time to count them), children_us and parents_us (mean per task over a sample).
     *
     * @throws IllegalArgumentException for an unknown program or bad sizes
     */
    public static String json(String programName, long n, long block) {
        Figures f = measure(programName, n, block);
        return "{\"program\":\"" + f.program() + "\",\"n\":" + f.n() + ",\"block\":" + f.block() + ",\"grid\":" + f.grid()
                + ",\"tasks\":" + f.tasks() + ",\"tasks_ms\":" + f.tasksMs() + ",\"program_bytes\":" + f.programBytes()
                + ",\"starting_tasks\":" + f.startingTasks() + ",\"starting_ms\":" + f.startingMs()
                + ",\"children_us\":" + f.childrenUs() + ",\"parents_us\":" + f.parentsUs()
                + ",\"sampled_tasks\":" + f.sampledTasks() + "}";
    }

    private static double perTaskMicros(List<Node> sample, ProgramAnalysis a, boolean children) {
        if (sample.isEmpty()) {
            return 0;
        }
        long sink = 0;
        // one warm-up pass so the figure is not dominated by class loading and the JIT
        for (int pass = 0; pass < 2; pass++) {
            long t0 = System.nanoTime();
            for (Node node : sample) {
                sink += (children ? a.children(node) : a.parents(node)).size();
            }
            if (pass == 1) {
                return sink < 0 ? -1 : (System.nanoTime() - t0) / 1e3 / sample.size();
            }
        }
        throw new AssertionError();
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** {@code AnalyzeReport <program> <n> [block]}: prints the JSON line. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: AnalyzeReport <program> <n> [block]   programs: " + Programs.catalogue().keySet());
            System.exit(2);
        }
        System.out.println(json(args[0], Long.parseLong(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 4096));
    }
}
