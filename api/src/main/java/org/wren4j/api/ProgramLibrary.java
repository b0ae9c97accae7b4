package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.wren4j.planner.library.Programs;
import org.wren4j.planner.tools.AnalyzeReport;

/**
 * The LAmbdaPACK programs of wren4j's algorithm library (Cholesky, GEMM, TSQR, ...): their names,
 * their text, and what their dependency analysis costs at a matrix size, without running anything.
 * Nothing here needs a session.
 */
public final class ProgramLibrary {
    private ProgramLibrary() {
    }

    /** The names of the library's programs, in the library's order. */
    public static List<String> names() {
        return List.copyOf(Programs.catalogue().keySet());
    }

    /**
     * The program {@code name} as LAmbdaPACK text.
     *
     * @throws IllegalArgumentException if the library has no program {@code name} (the message lists them)
     */
    public static String text(String name) {
        return Programs.byName(check(name)).toString();
    }

    /**
     * Analyses program {@code name} for an {@code n x n} matrix in tiles of {@code block}: counts its
     * tasks and starting tasks and times the analysis (children and parents per task over a sample).
     * Times depend on the machine and its load.
     *
     * @throws IllegalArgumentException if the library has no program {@code name}, or n or block is below 1
     */
    public static ProgramInfo analyze(String name, long n, long block) {
        check(name);
        if (n < 1 || block < 1) {
            throw new IllegalArgumentException("analyze " + name + ": n and block must be >= 1, got n=" + n + ", block=" + block);
        }
        AnalyzeReport.Figures f = AnalyzeReport.measure(name, n, block);
        return new ProgramInfo(f.program(), f.n(), f.block(), f.grid(), f.tasks(), f.tasksMs(), f.programBytes(), f.startingTasks(),
                f.startingMs(), f.childrenUs(), f.parentsUs(), f.sampledTasks());
    }

    private static String check(String name) {
        requireNonNull(name, "name is null");
        if (!Programs.catalogue().containsKey(name)) {
            throw new IllegalArgumentException("unknown program '" + name + "' (choose from " + names() + ")");
        }
        return name;
    }
}
