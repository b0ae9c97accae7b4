package org.wren4j.planner.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Value;

/**
 * Runs a plan's fused program sequentially on dense matrices with the reference kernels: the
 * reference semantics of whole-expression planning. Tiles implied by structure are supplied as
 * the runtime supplies them: zeros across a triangular matrix's diagonal, transposed lower tiles
 * above a symmetric matrix's diagonal.
 */
public final class PlanInterpreter {
    private PlanInterpreter() {
    }

    /** @param leaves dense value (row-major) of every stored matrix the plan reads, by stored name */
    public static double[][] run(Plan plan, Map<String, double[][]> leaves) {
        return runAll(plan, leaves).get(0);
    }

    /** The dense value of every root of the plan, in the order of its roots. */
    public static List<double[][]> runAll(Plan plan, Map<String, double[][]> leaves) {
        Map<ConcreteTile, double[][]> store = Map.of();
        if (plan.program().isPresent()) {
            Map<ConcreteTile, double[][]> inputs = new HashMap<>();
            for (Value v : plan.values().values()) {
                v.leaf().ifPresent(leaf -> split(v.name(), leaves.get(leaf.name()), leaf.blockSize(), inputs));
            }
            ProgramAnalysis a = ProgramAnalysis.of(plan.program().get(), plan.args());
            store = Interpreter.run(a, inputs, t -> implicit(plan, t, inputs));
        }
        List<double[][]> results = new ArrayList<>();
        for (int i = 0; i < plan.outputs().size(); i++) {
            results.add(plan.stored(i).isPresent() ? leaves.get(plan.outputs().get(i)) : dense(plan.values().get(plan.outputs().get(i)), store));
        }
        return results;
    }

    private static double[][] dense(Value out, Map<ConcreteTile, double[][]> store) {
        Shape shape = out.shape().orElseThrow();
        int b = out.blockSize();
        double[][] dense = new double[(int) shape.rows()][(int) shape.cols()];
        for (long i = 0; i < shape.tileRows(b); i++) {
            for (long j = 0; j < shape.tileCols(b); j++) {
                ConcreteTile key = new ConcreteTile(out.name(), i, j);
                double[][] tile = store.get(key);
                if (tile == null) {
                    tile = implicitTile(out, key, store);
                }
                if (tile == null) {
                    throw new IllegalStateException("plan wrote no tile " + key + " of its result");
                }
                for (int r = 0; r < tile.length; r++) {
                    System.arraycopy(tile[r], 0, dense[(int) (i * b) + r], (int) (j * b), tile[r].length);
                }
            }
        }
        return dense;
    }

    private static double[][] implicit(Plan plan, ConcreteTile t, Map<ConcreteTile, double[][]> inputs) {
        Value v = plan.values().get(t.matrix());
        return v == null || v.shape().isEmpty() || t.rank() != 2 ? null : implicitTile(v, t, inputs);
    }

    private static double[][] implicitTile(Value v, ConcreteTile t, Map<ConcreteTile, double[][]> store) {
        Shape s = v.shape().orElseThrow();
        int b = v.blockSize();
        int rows = (int) Math.min(b, s.rows() - t.row() * b);
        int cols = (int) Math.min(b, s.cols() - t.col() * b);
        Structure st = v.structure();
        if (st == Structure.LOWER && t.col() > t.row() || st == Structure.UPPER && t.row() > t.col()) {
            return new double[rows][cols];
        }
        if (st.symmetric() && t.col() > t.row()) {
            double[][] lower = store.get(new ConcreteTile(t.matrix(), t.col(), t.row()));
            return lower == null ? null : DenseOps.transpose(lower);
        }
        return null;
    }

    private static void split(String matrix, double[][] a, int b, Map<ConcreteTile, double[][]> out) {
        if (a == null) {
            throw new IllegalArgumentException("no dense value for input " + matrix);
        }
        for (int i = 0; i * b < a.length; i++) {
            for (int j = 0; j * b < a[0].length; j++) {
                int rows = Math.min(b, a.length - i * b);
                int cols = Math.min(b, a[0].length - j * b);
                double[][] t = new double[rows][cols];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(a[i * b + r], j * b, t[r], 0, cols);
                }
                out.put(new ConcreteTile(matrix, i, j), t);
            }
        }
    }
}
