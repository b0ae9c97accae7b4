package org.wren4j.planner.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.lambdapack.Program;

/**
 * For every library program and random grid sizes (1 to 12 tiles per side, parameters drawn
 * independently, so ragged), the implicit graph equals the brute-force explicit DAG: task
 * count, starting tasks, children and parents of every task; the DAG is acyclic and children
 * and parents agree (the explicit DAG derives both from one edge list).
 */
class ProgramGraphPropertyTest {
    private static final long SEED = 20240611L;

    @Test
    void implicitGraphEqualsExplicitDagForEveryProgram() {
        Random r = new Random(SEED);
        for (Program p : ProgramCases.all()) {
            int trials = p.params().size() >= 3 ? 4 : 6;
            int max = p.params().size() >= 3 ? 9 : 12;
            for (int trial = 0; trial < trials; trial++) {
                Map<String, Long> args = ProgramCases.randomArgs(p, r, max);
                ImplicitGraphTest.assertMatchesExplicit(p, args);
            }
            // the smallest grid, where every tree and loop degenerates
            Map<String, Long> ones = ProgramCases.randomArgs(p, new Random(0), 1);
            ImplicitGraphTest.assertMatchesExplicit(p, ones);
        }
    }

    /**
     * The QR, LU and band programs have the most intricate index expressions (binary trees with
     * ragged levels, versions counted in levels): many more random grids, tall and wide ones.
     */
    @Test
    void qrLuAndBandProgramsOnManyRaggedGrids() {
        Random r = new Random(SEED + 1);
        for (Program p : ProgramCasesQr.all()) {
            for (int trial = 0; trial < 20; trial++) {
                ImplicitGraphTest.assertMatchesExplicit(p, ProgramCases.randomArgs(p, r, 12));
            }
        }
        // every grid up to 9 x 9 for the factorizations
        for (Program p : new Program[] {org.wren4j.planner.library.Programs.caqr(), org.wren4j.planner.library.Programs.calu(2)}) {
            for (long m = 1; m <= 9; m++) {
                for (long n = 1; n <= 9; n++) {
                    ImplicitGraphTest.assertMatchesExplicit(p, Map.of("M", m, "N", n));
                }
            }
        }
        for (long n = 1; n <= 12; n++) {
            ImplicitGraphTest.assertMatchesExplicit(org.wren4j.planner.library.Programs.bdfac(), Map.of("N", n));
        }
    }

    @Test
    void reductionTreeNodesHaveAtMostFanInChildren() {
        Program p = org.wren4j.planner.library.Programs.gemm(4);
        ProgramAnalysis a = ProgramAnalysis.of(p, Map.of("M", 1L, "N", 1L, "K", 37L));
        ExplicitDag dag = new ExplicitDag(a);
        for (Node t : dag.tasks) {
            assertThat(a.parents(t).size()).isLessThanOrEqualTo(4);
        }
        // 10 leaves, 3 level-1 nodes, 1 root
        assertThat(a.taskCount()).isEqualTo(10 + 3 + 1);
        assertThat(a.startingTasks()).hasSize(10);
    }
}
