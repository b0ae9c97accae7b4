package org.wren4j.planner.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.ProgramFusion;
import org.wren4j.planner.library.Programs;

/**
 * Reader counts (what garbage collection of temporaries trusts: a tile is deleted once that many
 * tasks completed) against brute force: every task enumerated, each input mapped to the stored
 * tile it comes from, readers collected per stored tile.
 */
class ReaderCountTest {
    private static final long SEED = 20261121L;

    static void assertReaderCounts(Program program, Map<String, Long> args) {
        ProgramAnalysis a = ProgramAnalysis.of(program, args);
        List<Node> tasks = new ArrayList<>();
        a.forEachTask(tasks::add);
        Map<ConcreteTile, Set<Node>> readersOf = new HashMap<>();
        for (Node t : tasks) {
            for (ConcreteTile in : a.inputs(t)) {
                readersOf.computeIfAbsent(a.source(in), x -> new HashSet<>()).add(t);
            }
        }
        String where = program.name() + args;
        for (Node t : tasks) {
            for (ConcreteTile out : a.outputs(t)) {
                assertThat(a.readerCount(out)).as("readers of %s in %s", out, where)
                        .isEqualTo(readersOf.getOrDefault(out, Set.of()).size());
            }
            var expected = new LinkedHashMap<ConcreteTile, Integer>();
            for (ConcreteTile in : a.inputs(t)) {
                ConcreteTile src = a.source(in);
                if (program.requireMatrix(src.matrix()).role() == MatrixDecl.Role.TEMP) {
                    expected.putIfAbsent(src, readersOf.get(src).size());
                }
            }
            assertThat(a.temporaryInputReaders(t)).as("temporary inputs of %s in %s", a.describe(t), where)
                    .containsExactlyEntriesOf(expected);
        }
    }

    @Test
    void choleskyCountsEqualBruteForce() {
        for (long n = 1; n <= 8; n++) {
            assertReaderCounts(Programs.cholesky(), Map.of("N", n));
        }
        // S[i + 1, j, k] is read once (next update or the factor/solve of its tile); A never counts
        ProgramAnalysis a = ProgramAnalysis.of(Programs.cholesky(), Map.of("N", 4L));
        assertThat(a.readerCount(new ConcreteTile("S", 1, 2, 1))).isEqualTo(1);
        assertThat(a.temporaryInputReaders(new Node(2, 0, 1, 1))).isEmpty(); // reads S[0, 1, 1] = A[1, 1]
        assertThat(a.temporaryInputReaders(new Node(0, 1))).containsExactlyEntriesOf(Map.of(new ConcreteTile("S", 1, 1, 1), 1));
    }

    @Test
    void everyLibraryProgramOnRandomGrids() {
        Random r = new Random(SEED);
        for (Program p : ProgramCases.all()) {
            int max = p.params().size() >= 3 ? 7 : 9;
            for (int trial = 0; trial < 3; trial++) {
                assertReaderCounts(p, ProgramCases.randomArgs(p, r, max));
            }
            assertReaderCounts(p, ProgramCases.randomArgs(p, new Random(0), 1));
        }
    }

    @Test
    void gemmTreeAndQrCounts() {
        Random r = new Random(SEED + 1);
        for (int trial = 0; trial < 20; trial++) {
            assertReaderCounts(Programs.gemm(), Map.of("M", 1L + r.nextInt(4), "N", 1L + r.nextInt(4), "K", 1L + r.nextInt(9)));
        }
        for (long m = 1; m <= 7; m++) {
            assertReaderCounts(Programs.tsqr(2), Map.of("M", m));
            for (long n = 1; n <= 5; n++) {
                assertReaderCounts(Programs.caqr(), Map.of("M", m, "N", n));
            }
        }
    }

    /**
     * C = A B then the Cholesky factor of C, fused: C is a shared temporary, and the factor's
     * temporary S is initialised from it, so a tile of C is read by name (nobody) and as the
     * initial value of S[0, j, k] (the first update or factor of that tile).
     */
    @Test
    void fusedProgramWithTemporaryInitialisedFromAWrittenTemporary() {
        for (long n = 1; n <= 5; n++) {
            for (long k = 1; k <= 4; k++) {
                ProgramFusion.Fused f = gemmThenCholesky(n, k);
                assertReaderCounts(f.program(), f.args());
            }
        }
        ProgramFusion.Fused f = gemmThenCholesky(3, 2);
        ProgramAnalysis a = ProgramAnalysis.of(f.program(), f.args());
        List<Node> readC = new ArrayList<>();
        a.forEachTask(t -> {
            if (a.temporaryInputReaders(t).keySet().stream().anyMatch(tile -> tile.matrix().equals("C"))) {
                readC.add(t);
            }
        });
        assertThat(readC).as("tasks reading a tile of C through S").isNotEmpty();
        assertThat(a.readerCount(new ConcreteTile("C", 2, 1))).isEqualTo(1);
    }

    static ProgramFusion.Fused gemmThenCholesky(long n, long k) {
        var gemm = new ProgramFusion.Part(Programs.gemm(), Map.of("M", n, "N", n, "K", k), Map.of("A", "X", "B", "Y", "C", "C"));
        var chol = new ProgramFusion.Part(Programs.cholesky(), Map.of("N", n), Map.of("A", "C", "O", "L"));
        var roles = new LinkedHashMap<String, MatrixDecl.Role>();
        roles.put("X", MatrixDecl.Role.INPUT);
        roles.put("Y", MatrixDecl.Role.INPUT);
        roles.put("C", MatrixDecl.Role.TEMP);
        roles.put("L", MatrixDecl.Role.OUTPUT);
        return ProgramFusion.fuse("gemm+cholesky", List.of(gemm, chol), roles);
    }
}
