package org.wren4j.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wren4j.planner.expr.Axis;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Reduction;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.library.ReduceOp;

/**
 * Expected plans stored as text in {@code src/test/resources/plans}: a change of rules or
 * lowering shows as a diff of the plan. Regenerate with {@code -Dwren4j.updatePlans=true}.
 */
class StoredPlansTest {
    private static final Path DIR = Path.of("src/test/resources/plans");

    private static Leaf leaf(String name, long rows, long cols, Structure s) {
        return new Leaf(name, new Shape(rows, cols), 1024, s);
    }

    static List<Map.Entry<String, Supplier<MatrixExpr>>> cases() {
        Leaf x = leaf("X", 100_000, 2_000, Structure.GENERAL);
        Leaf y = leaf("y", 100_000, 1, Structure.GENERAL);
        Leaf eye = leaf("I", 2_000, 2_000, Structure.SPD);
        Leaf a = leaf("A", 8_192, 8_192, Structure.SPD);
        Leaf b = leaf("B", 8_192, 16, Structure.GENERAL);
        Leaf g = leaf("G", 8_192, 8_192, Structure.GENERAL);
        return List.of(
                Map.entry("ridge", () -> new Solve(new Elementwise(List.of(new MatMul(new Transpose(x), x), eye),
                        EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Const(0.1), new EwOp.Binary(EwOp.BinaryFn.MUL),
                                new EwOp.Binary(EwOp.BinaryFn.ADD))), new MatMul(new Transpose(x), y))),
                Map.entry("spd_solve", () -> new Solve(a, b)),
                Map.entry("scaled_chain", () -> new Elementwise(List.of(new Elementwise(List.of(a),
                        EwProgram.input().then(EwOp.BinaryFn.MUL, 2).then(EwOp.UnaryFn.EXP))), EwProgram.input().then(EwOp.BinaryFn.MUL, 3))),
                Map.entry("column_argmax", () -> new Reduction(new MatMul(new Transpose(b), a), ReduceOp.ARGMAX, Axis.COLUMNS)),
                Map.entry("general_solve", () -> new Solve(g, b)),
                Map.entry("lower_inverse", () -> new Solve(leaf("L", 8_192, 8_192, Structure.LOWER), leaf("I", 8_192, 8_192, Structure.SPD))),
                Map.entry("lu_l", () -> new org.wren4j.planner.expr.Lu(g, org.wren4j.planner.expr.Lu.Part.L)),
                Map.entry("unaligned_slice", () -> new org.wren4j.planner.expr.Retile(g, 100, 5_000, 1_500, 8_192, 1024)));
    }

    /** The three parts of one LU planned together: one calu, three outputs. */
    @org.junit.jupiter.api.Test
    void luFactorsPlanMatchesStoredText() throws IOException {
        Leaf g = leaf("G", 8_192, 8_192, Structure.GENERAL);
        Leaf rows = leaf("rows", 8_192, 1, Structure.GENERAL);
        List<MatrixExpr> roots = List.of(new org.wren4j.planner.expr.Lu(g, org.wren4j.planner.expr.Lu.Part.L),
                new org.wren4j.planner.expr.Lu(g, org.wren4j.planner.expr.Lu.Part.U), new org.wren4j.planner.expr.LuPermute(g, rows));
        assertStored("lu_factors", Planner.explain(Planner.plan(roots, org.wren4j.planner.rules.Rules.defaults())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planMatchesStoredText(Map.Entry<String, Supplier<MatrixExpr>> c) throws IOException {
        assertStored(c.getKey(), Planner.explain(Planner.plan(c.getValue().get())));
    }

    private static void assertStored(String name, String actual) throws IOException {
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("wren4j.updatePlans") || !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("plan %s (regenerate with -Dwren4j.updatePlans=true)", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
