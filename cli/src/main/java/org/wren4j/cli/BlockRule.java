package org.wren4j.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The CLI's guard against absurd blocks. A task costs a queue lease, a state update and tile
 * round trips whatever its size, so a tile must carry enough flops to pay for them, and one job
 * should not hold millions of tasks by accident. The rule, on the op's task count at that block:
 * <ul>
 *   <li>more than {@link #MAX_TASKS} tasks: refused;
 *   <li>tiles under {@link #SMALL_BLOCK} on a side: more than {@link #MAX_SMALL_TILE_TASKS} tasks
 *       refused, more than {@link #WARN_TASKS} warned;
 * </ul>
 * each time with a suggested block, and {@code --force} runs a refused job anyway. Task counts are
 * the closed forms of the op's main program over its tile grid (the count {@code analyze} prints
 * for cholesky; for the other ops the main program's tasks, a lower bound of the job's), so the
 * rule errs on the side of running.
 */
final class BlockRule {
    /** More tasks than this in one job are refused without {@code --force}. */
    static final long MAX_TASKS = 1_000_000;
    /** Tiles smaller than this on a side cost more in per-task overhead than in flops. */
    static final int SMALL_BLOCK = 64;
    /** With tiles under {@link #SMALL_BLOCK}: more tasks than this are refused without {@code --force}. */
    static final long MAX_SMALL_TILE_TASKS = 10_000;
    /** With tiles under {@link #SMALL_BLOCK}: more tasks than this are warned. */
    static final long WARN_TASKS = 1_000;
    /** A suggested block is a multiple of this (tiles that BLAS handles well), at most {@link #MAX_SUGGESTED_BLOCK}. */
    static final int BLOCK_STEP = 128;
    static final int MAX_SUGGESTED_BLOCK = 4096;
    /** The fan-in of the planner's reduction trees (gemm over k, gram over the rows). */
    static final int REDUCTION_FAN_IN = 8;

    /** Load: the matrix's tiles; the other names are ops of {@code run} and {@code bench}. */
    static final String TILES = "tiles";

    private BlockRule() {
    }

    /**
     * Refuses ({@link UsageException}) or warns on {@code err} about {@code block} for {@code op} on
     * operands of sizes m, n, k (as {@code run} names them), or returns quietly.
     *
     * @param what the command as the user typed it, e.g. {@code run cholesky}
     */
    static void check(String what, String op, long m, long n, long k, int block, boolean force, PrintStream err) {
        long tasks = tasks(op, m, n, k, block);
        boolean small = block < SMALL_BLOCK && block < Math.max(m, Math.max(n, k));
        if (tasks <= WARN_TASKS || (!small && tasks <= MAX_TASKS)) {
            return;
        }
        int better = suggest(op, m, n, k);
        String made = what + ": --block " + block + (op.equals(TILES) ? " cuts the matrix into " + count(tasks) + " tiles of " + tile(block)
                : " makes " + count(tasks) + " tasks on " + tile(block) + " tiles");
        String why = tasks > MAX_TASKS ? ", more than " + count(MAX_TASKS) + " in one job" : ", too small to pay for their overhead";
        String suggestion = better > block ? "; use --block " + better + " (" + count(tasks(op, m, n, k, better))
                + (op.equals(TILES) ? " tiles)" : " tasks)") : "";
        if ((tasks > MAX_TASKS || (small && tasks > MAX_SMALL_TILE_TASKS)) && !force) {
            throw new UsageException(made + why + (suggestion.isEmpty() ? "; add" : suggestion + ", or add") + " --force to run it anyway");
        }
        err.println("wren4j: warning: " + made + why + suggestion);
    }

    /** The smallest multiple of {@link #BLOCK_STEP} up to {@link #MAX_SUGGESTED_BLOCK} whose job has at most {@link #WARN_TASKS} tasks, never beyond the largest dimension. */
    static int suggest(String op, long m, long n, long k) {
        long largest = Math.max(m, Math.max(n, k));
        int b = BLOCK_STEP;
        while (b < MAX_SUGGESTED_BLOCK && b < largest && tasks(op, m, n, k, b) > WARN_TASKS) {
            b += BLOCK_STEP;
        }
        return (int) Math.min(b, largest);
    }

    /**
     * The tasks of {@code op}'s main program at {@code block}: cholesky, gemm, gram exactly (loops
     * and reduction trees), solve its Cholesky and two triangular solves, qr, lstsq and svd their
     * panels' tiles, lu its trailing tiles, tsqr its leaves; {@link #TILES} the tiles of an m x n matrix.
     */
    static long tasks(String op, long m, long n, long k, long block) {
        long mt = tiles(m, block);
        long nt = tiles(n, block);
        long kt = tiles(k, block);
        return switch (op) {
            case "cholesky" -> cholesky(nt);
            case "gemm" -> saturatingProduct(mt, nt, reduction(kt));
            case "solve" -> saturatingAdd(cholesky(nt), saturatingProduct(kt, nt, nt + 1)); // 2 solves of kt * nt(nt+1)/2
            case "gram" -> saturatingProduct(nt, nt + 1, reduction(mt)) / 2;
            case "qr", "lstsq", "svd" -> panels(Math.max(mt, nt), Math.min(mt, nt));
            case "lu" -> panels(nt, nt);
            case "tsqr" -> mt;
            case TILES -> saturatingProduct(mt, nt, 1);
            default -> throw new IllegalArgumentException("no task count for op '" + op + "'");
        };
    }

    private static long tiles(long size, long block) {
        return (size + block - 1) / block;
    }

    /** The nodes of a reduction tree over {@code terms} tiles: leaves of {@link #REDUCTION_FAN_IN} terms each, then sums of as many. */
    private static long reduction(long terms) {
        long level = (terms + REDUCTION_FAN_IN - 1) / REDUCTION_FAN_IN;
        long total = level;
        while (level > 1) {
            level = (level + REDUCTION_FAN_IN - 1) / REDUCTION_FAN_IN;
            total += level;
        }
        return total;
    }

    /** N + N(N-1)/2 + (N-1)N(N+1)/6: factor, panel solves, trailing updates. */
    private static long cholesky(long t) {
        return saturatingAdd(t + t * (t - 1) / 2, saturatingProduct(t - 1, t, t + 1) / 6);
    }

    /** Sum over panels j < small of (tall - j)(small - j): the tiles each panel factors or updates. */
    private static long panels(long tall, long small) {
        // in closed form: tall small^2 - (tall + small) S1 + S2, S1 and S2 the sums of j and j^2 over j < small
        double s1 = (double) small * (small - 1) / 2;
        double s2 = (double) (small - 1) * small * (2 * small - 1) / 6;
        double sum = (double) tall * small * small - (double) (tall + small) * s1 + s2;
        return sum >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(sum);
    }

    private static long saturatingProduct(long a, long b, long c) {
        double p = (double) a * b * c;
        return p >= Long.MAX_VALUE ? Long.MAX_VALUE : a * b * c;
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private static String tile(int block) {
        return block + "x" + block;
    }

    private static String count(long x) {
        return String.format(Locale.ROOT, "%,d", x);
    }
}
