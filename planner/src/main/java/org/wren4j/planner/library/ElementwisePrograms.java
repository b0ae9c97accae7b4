package org.wren4j.planner.library;

import static org.wren4j.planner.lambdapack.Expr.c;
import static org.wren4j.planner.lambdapack.Expr.v;
import static org.wren4j.planner.lambdapack.Lp.call;
import static org.wren4j.planner.lambdapack.Lp.loop;
import static org.wren4j.planner.lambdapack.Lp.reduce;
import static org.wren4j.planner.lambdapack.Lp.ref;

import java.util.Arrays;
import java.util.List;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.ReduceBuilder;

/** Element-wise maps and zips, transpose, row and column reductions. */
final class ElementwisePrograms {
    private ElementwisePrograms() {
    }

    static Program map(String kernel, double... scalars) {
        KernelSpec spec = KernelSpecs.byName(kernel);
        if (!kernel.startsWith("map_") || spec.scalars() != scalars.length) {
            throw new IllegalArgumentException("map needs a map_* kernel and its " + spec.scalars() + " scalars, got " + kernel + " with " + scalars.length);
        }
        Expr i = v("i");
        Expr j = v("j");
        return Program.builder("map_" + kernel.substring(4))
                .params("M", "N").input("X").output("Y")
                .body(loop("i", c(0), v("M"), loop("j", c(0), v("N"),
                        call(kernel, ref("Y", i, j), List.of(ref("X", i, j)), floats(scalars)))))
                .build();
    }

    static Program zip(String kernel, double... scalars) {
        KernelSpec spec = KernelSpecs.byName(kernel);
        if (!kernel.startsWith("zip_") || spec.scalars() != scalars.length) {
            throw new IllegalArgumentException("zip needs a zip_* kernel and its " + spec.scalars() + " scalars, got " + kernel + " with " + scalars.length);
        }
        Expr i = v("i");
        Expr j = v("j");
        return Program.builder("zip_" + kernel.substring(4))
                .params("M", "N").input("X").input("Y").output("Z")
                .body(loop("i", c(0), v("M"), loop("j", c(0), v("N"),
                        call(kernel, ref("Z", i, j), List.of(ref("X", i, j), ref("Y", i, j)), floats(scalars)))))
                .build();
    }

    static Program transpose() {
        Expr i = v("i");
        Expr j = v("j");
        return Program.builder("transpose")
                .params("M", "N").input("X").output("Y")
                .body(loop("i", c(0), v("M"), loop("j", c(0), v("N"),
                        call(KernelSpecs.TRANSPOSE.name(), ref("Y", j, i), ref("X", i, j)))))
                .build();
    }

    /**
     * Reduces each tile row ({@code rows}) or tile column of the {@code M x N} grid X into
     * {@code Y[i, 0]} (or {@code Y[0, j]}) with a tree of the given fan-in. Indexed reductions
     * take the full tile width (height) {@code NB} in elements as a parameter.
     */
    static Program reduction(ReduceOp op, boolean rows, int fanIn) {
        Expr i = v("i");
        Expr j = v("j");
        var b = Program.builder((rows ? "row_" : "col_") + op.lowerName())
                .params(op.indexed() ? new String[] {"M", "N", "NB"} : new String[] {"M", "N"})
                .input("X").output("Y").temp("T", 4);
        ReduceBuilder r;
        if (rows) {
            r = reduce("j", c(0), v("N")).leaf(op.leafKernel(true), ref("X", i, j));
        } else {
            r = reduce("i", c(0), v("M")).leaf(op.leafKernel(false), ref("X", i, j));
        }
        r.fanIn(fanIn);
        if (op.indexed()) {
            r.leafScalars(rows ? j : i, v("NB")).combine(op.combineKernel(), c(rows ? 0 : 1));
        } else {
            r.combine(op.combineKernel());
        }
        if (rows) {
            b.body(loop("i", c(0), v("M"), r.into(ref("Y", i, c(0)), "T")));
        } else {
            b.body(loop("j", c(0), v("N"), r.into(ref("Y", c(0), j), "T")));
        }
        return b.build();
    }

    private static Expr[] floats(double... values) {
        return Arrays.stream(values).mapToObj(x -> (Expr) new org.wren4j.planner.lambdapack.FloatConst(x)).toArray(Expr[]::new);
    }
}
