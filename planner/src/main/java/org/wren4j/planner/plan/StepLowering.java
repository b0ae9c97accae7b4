package org.wren4j.planner.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wren4j.planner.expr.BandReduce;
import org.wren4j.planner.expr.Cholesky;
import org.wren4j.planner.expr.Concat;
import org.wren4j.planner.expr.Diagonal;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.Gram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Lu;
import org.wren4j.planner.expr.LuPermute;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.QrQ;
import org.wren4j.planner.expr.QrR;
import org.wren4j.planner.expr.Reduction;
import org.wren4j.planner.expr.Retile;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.expr.TransposedProduct;
import org.wren4j.planner.expr.TriSolve;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.library.ExprPrograms;
import org.wren4j.planner.library.Programs;
import org.wren4j.planner.library.Triangular;

/**
 * Lowers a rewritten expression DAG, operands first, to one program call ({@link Step}) per
 * operation; equal sub-expressions are lowered once. An intermediate stored as lower tiles
 * only (symmetric) is completed by a {@code mirror} step before the first consumer that reads
 * its upper tiles. Each matrix is LU-factored at most once, whichever of its parts, permutation
 * or solves come first.
 */
final class StepLowering {
    final List<Step> steps = new ArrayList<>();
    final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<MatrixExpr, String> names = new HashMap<>();
    private final Set<String> mirrored = new HashSet<>();
    private final Map<String, LuValues> factored = new HashMap<>();
    private final Map<String, QrValues> qrFactored = new HashMap<>();
    private int qrs;
    private int calus;
    private int inputs;
    private int intermediates;

    String lower(MatrixExpr e) {
        String known = names.get(e);
        if (known != null) {
            return known;
        }
        String name;
        if (e instanceof Leaf leaf) {
            name = "in" + inputs++;
            values.put(name, new Value(name, MatrixDecl.Role.INPUT, Optional.of(leaf.shape()), leaf.blockSize(), leaf.structure(), Optional.of(leaf)));
        } else {
            List<String> operands = new ArrayList<>();
            for (MatrixExpr c : e.children()) {
                operands.add(lower(c));
            }
            if (e instanceof Lu l && l.part() == Lu.Part.U && factored.containsKey(operands.get(0))) {
                // L, P or a solve already factored this matrix: its U is this node's value, no second calu
                name = factored.get(operands.get(0)).u();
                names.put(e, name);
                return name;
            }
            name = "v" + intermediates++;
            values.put(name, new Value(name, MatrixDecl.Role.TEMP, Optional.of(e.shape()), e.blockSize(), e.structure(), Optional.empty()));
            emit(e, operands, name);
        }
        names.put(e, name);
        return name;
    }

    private void emit(MatrixExpr e, List<String> in, String out) {
        int b = e.blockSize();
        if (e instanceof MatMul m) {
            full(in);
            step("matmul", Programs.gemm(), Map.of("M", tr(m.left(), b), "K", tc(m.left(), b), "N", tc(m.right(), b)),
                    Map.of("A", in.get(0), "B", in.get(1), "C", out));
        } else if (e instanceof TransposedProduct p) {
            full(in);
            step("matmul (left transposed)", ExprPrograms.gemmTn(), Map.of("M", tr(p.left(), b), "N1", tc(p.left(), b), "N2", tc(p.right(), b)),
                    Map.of("X", in.get(0), "Y", in.get(1), "C", out));
        } else if (e instanceof Gram g) {
            full(in);
            step("gram", Programs.gram(), Map.of("M", tr(g.arg(), b), "N", tc(g.arg(), b)), Map.of("X", in.get(0), "C", out));
        } else if (e instanceof Cholesky c) {
            step("cholesky", Programs.cholesky(), Map.of("N", tr(c.arg(), b)), Map.of("A", in.get(0), "O", out));
        } else if (e instanceof TriSolve s) {
            requireTriangleReadable(s, in.get(0));
            full(List.of(in.get(1)));
            Triangular t = new Triangular(Triangular.Side.LEFT, s.lower(), s.transpose());
            step("triangular solve", Programs.trsm(t), Map.of("N", tr(s.t(), b), "R", tc(s.b(), b)),
                    Map.of("T", in.get(0), "B", in.get(1), "X", out));
        } else if (e instanceof Elementwise w) {
            boolean lowerOnly = w.structure().symmetric();
            if (!lowerOnly) {
                full(in);
            }
            var broadcasts = w.inputs().stream().map(x -> broadcast(x.shape(), w.shape())).toList();
            Map<String, String> mats = new HashMap<>();
            for (int p = 0; p < in.size(); p++) {
                mats.put("X" + p, in.get(p));
            }
            mats.put("Y", out);
            step("element-wise " + w.program(), ExprPrograms.elementwise(broadcasts, w.program().encode(), lowerOnly),
                    Map.of("M", tr(w, b), "N", tc(w, b)), mats);
        } else if (e instanceof Reduction r) {
            full(in);
            reduction(r, in.get(0), out);
        } else if (e instanceof Transpose t) {
            full(in);
            step("transpose", Programs.transpose(), Map.of("M", tr(t.arg(), b), "N", tc(t.arg(), b)), Map.of("X", in.get(0), "Y", out));
        } else if (e instanceof QrR q && q.householder()) {
            full(in);
            QrValues f = householderQr(q.arg(), in.get(0));
            step("R of the qr", ExprPrograms.crop(), Map.of("RR", q.shape().rows(), "CC", q.shape().cols(), "B", (long) b),
                    Map.of("X", f.r(), "Y", out));
        } else if (e instanceof QrR q) {
            full(in);
            qr(q, in.get(0), out);
        } else if (e instanceof QrQ q) {
            full(in);
            QrValues f = householderQr(q.arg(), in.get(0));
            long tiles = tc(q.arg(), b);
            if (tiles == 1) {
                step("form Q (tsqr)", Programs.tsqrQ(), Map.of("M", tr(q.arg(), b), "R", 1L),
                        Map.of("Hl", f.hl(), "Ht", f.ht(), "B", in.get(1), "Y", out));
            } else {
                step("form Q (caqr)", Programs.caqrQ(), Map.of("M", tr(q.arg(), b), "N", tiles, "R", tiles),
                        Map.of("Hl", f.hl(), "Ht", f.ht(), "B", in.get(1), "Y", out));
            }
        } else if (e instanceof Diagonal d) {
            step("diagonal", ExprPrograms.diagonal(), Map.of("N", tr(d.arg(), b)), Map.of("A", in.get(0), "D", out));
        } else if (e instanceof Solve s) {
            full(in);
            LuValues f = lu(s.a(), in.get(0));
            String y = out + "_y";
            values.put(y, new Value(y, MatrixDecl.Role.TEMP, Optional.of(s.b().shape()), b, Structure.GENERAL, Optional.empty()));
            step("pivoted forward substitution", Programs.luForward(), Map.of("M", tr(s.a(), b), "R", tc(s.b(), b)),
                    Map.of("L", f.l(), "P", f.p(), "B", in.get(1), "Y", y));
            step("triangular solve (U)", Programs.trsm(new Triangular(Triangular.Side.LEFT, false, false)),
                    Map.of("N", tr(s.a(), b), "R", tc(s.b(), b)), Map.of("T", f.u(), "B", y, "X", out));
        } else if (e instanceof Lu l) {
            full(in);
            if (l.part() == Lu.Part.U) {
                factor(l.arg(), in.get(0), out);
            } else {
                LuValues f = lu(l.arg(), in.get(0));
                step("L in the final row order", Programs.luStandardL(), Map.of("M", tr(l, b)), Map.of("L", f.l(), "U", f.u(), "P", f.p(), "LS", out));
            }
        } else if (e instanceof Retile r) {
            full(in);
            retile(r, in.get(0), out);
        } else if (e instanceof Concat c) {
            full(in);
            concat(c, in.get(0), in.get(1), out);
        } else if (e instanceof BandReduce r) {
            if (values.get(in.get(0)).role() != MatrixDecl.Role.INPUT) {
                // bdfac's working copies start from A's tiles in place, which its gathers cannot do for a computed A
                throw new PlanningException("band reduction: the argument " + r.arg() + " must be a stored matrix; compute it first");
            }
            step("band reduction (bdfac)", Programs.bdfac(), Map.of("N", tr(r, b)), Map.of("A", in.get(0), "B", out));
        } else if (e instanceof LuPermute p) {
            full(in);
            LuValues f = lu(p.a(), in.get(0));
            step("permute rows", Programs.luPermute(), Map.of("M", tr(p.a(), b), "R", tc(p.b(), b)),
                    Map.of("U", f.u(), "P", f.p(), "B", in.get(1), "Y", out));
        } else {
            throw new PlanningException("cannot lower " + e);
        }
    }

    private void reduction(Reduction r, String in, String out) {
        int b = r.blockSize();
        boolean rows = r.axis() == org.wren4j.planner.expr.Axis.ROWS;
        Program p = rows ? Programs.rowReduce(r.op()) : Programs.colReduce(r.op());
        Map<String, Long> args = new HashMap<>(Map.of("M", tr(r.arg(), b), "N", tc(r.arg(), b)));
        if (r.op().indexed()) {
            args.put("NB", (long) b);
            String pairs = out + "_pairs";
            values.put(pairs, new Value(pairs, MatrixDecl.Role.TEMP, Optional.empty(), b, Structure.GENERAL, Optional.empty()));
            step("reduce " + r.op().lowerName() + " " + r.axis().name().toLowerCase(java.util.Locale.ROOT), p, args, Map.of("X", in, "Y", pairs));
            step("index of " + r.op().lowerName(), ExprPrograms.pairIndex(rows), Map.of("G", rows ? tr(r.arg(), b) : tc(r.arg(), b)),
                    Map.of("P", pairs, "Y", out));
        } else {
            step("reduce " + r.op().lowerName() + " " + r.axis().name().toLowerCase(java.util.Locale.ROOT), p, args, Map.of("X", in, "Y", out));
        }
    }

    private record LuValues(String l, String u, String p) {
    }

    /** One calu step per factored matrix, however many nodes use its factors. */
    private LuValues lu(MatrixExpr a, String in) {
        LuValues known = factored.get(in);
        return known != null ? known : factor(a, in, null);
    }

    /**
     * A calu step writing U to {@code uOut} when given (U is then a node's own value; the step is
     * not shared, as the value is the node's), else to a temporary.
     */
    private LuValues factor(MatrixExpr a, String in, String uOut) {
        int b = a.blockSize();
        String base = "lu" + calus++;
        var f = new LuValues(base + "_l", uOut != null ? uOut : base + "_u", base + "_p");
        values.put(f.l(), new Value(f.l(), MatrixDecl.Role.TEMP, Optional.of(a.shape()), b, Structure.LOWER, Optional.empty()));
        if (uOut == null) {
            values.put(f.u(), new Value(f.u(), MatrixDecl.Role.TEMP, Optional.of(a.shape()), b, Structure.UPPER, Optional.empty()));
        }
        values.put(f.p(), new Value(f.p(), MatrixDecl.Role.TEMP, Optional.empty(), b, Structure.GENERAL, Optional.empty()));
        boolean stored = values.get(in).role() == MatrixDecl.Role.INPUT;
        step("lu (calu)", stored ? Programs.calu() : Programs.caluOfComputed(), Map.of("M", tr(a, b), "N", tc(a, b)),
                Map.of("A", in, "L", f.l(), "U", f.u(), "P", f.p()));
        factored.putIfAbsent(in, f);
        return f;
    }

    /** Whole tiles when aligned, else rows then columns re-tiled (a temporary with mixed tiles between). */
    private void retile(Retile r, String in, String out) {
        int b = r.arg().blockSize();
        long ob = r.blockSize();
        long rows = r.shape().rows();
        long cols = r.shape().cols();
        if (r.tileAligned()) {
            step("slice (whole tiles)", ExprPrograms.window(), Map.of("TI", r.rowFrom() / b, "TJ", r.colFrom() / b, "RN", rows, "CN", cols, "B", ob),
                    Map.of("X", in, "Y", out));
            return;
        }
        String t = out + "_rows";
        values.put(t, new Value(t, MatrixDecl.Role.TEMP, Optional.empty(), b, Structure.GENERAL, Optional.empty()));
        step("re-tile rows", ExprPrograms.retile(false), Map.of("R0", r.rowFrom(), "RN", rows, "B", (long) b, "OB", ob, "G", tc(r.arg(), b),
                "K", Math.floorDiv(ob + b - 1, b) + 1),
                Map.of("X", in, "Y", t));
        step("re-tile columns", ExprPrograms.retile(true), Map.of("R0", r.colFrom(), "RN", cols, "B", (long) b, "OB", ob,
                "G", Math.floorDiv(rows + ob - 1, ob), "K", Math.floorDiv(ob + b - 1, b) + 1), Map.of("X", t, "Y", out));
    }

    /** One program joins the two parts; see {@link ExprPrograms#concat}. */
    private void concat(Concat c, String first, String second, String out) {
        long b = c.blockSize();
        long ma = c.length(c.first());
        long mb = c.length(c.second());
        long ta = Math.floorDiv(ma + b - 1, b);
        long tb = Math.floorDiv(mb + b - 1, b);
        Shape s = c.shape();
        long g = c.sideBySide() ? s.tileRows((int) b) : s.tileCols((int) b);
        String op = c.sideBySide() ? "hstack" : "vstack";
        Map<String, String> mats = Map.of("X1", first, "X2", second, "Y", out);
        long rem = ma % b;
        if (rem == 0) {
            step(op, ExprPrograms.concat(c.sideBySide(), true), Map.of("TA", ta, "TB", tb, "MB", mb, "G", g, "B", b), mats);
            return;
        }
        long d = b - rem;
        long last = (tb - 1) * b + d < mb ? 1 : 0;
        step(op, ExprPrograms.concat(c.sideBySide(), false),
                Map.of("TA", ta, "TB", tb, "MB", mb, "G", g, "B", b, "C", rem, "D", d, "LAST", last), mats);
    }

    private record QrValues(String r, String hl, String ht) {
    }

    /**
     * The QR of {@code a} that keeps its reflectors (TSQR with factors for one tile column, CAQR
     * otherwise), once per matrix however many of its R and Q are asked for. R is the
     * factorization's own (possibly taller than n, zero below), for a crop to n x n.
     */
    private QrValues householderQr(MatrixExpr a, String in) {
        QrValues known = qrFactored.get(in);
        if (known != null) {
            return known;
        }
        int b = a.blockSize();
        long m = a.shape().rows();
        long n = a.shape().cols();
        long tiles = tc(a, b);
        String base = "qr" + qrs++;
        var f = new QrValues(base + "_r", base + "_hl", base + "_ht");
        long rRows = tiles == 1 ? Math.min(b, m) : Math.min(m, tiles * b);
        values.put(f.r(), new Value(f.r(), MatrixDecl.Role.TEMP, Optional.of(new Shape(rRows, n)), b, Structure.UPPER, Optional.empty()));
        for (String h : List.of(f.hl(), f.ht())) {
            values.put(h, new Value(h, MatrixDecl.Role.TEMP, Optional.empty(), b, Structure.GENERAL, Optional.empty()));
        }
        if (tiles == 1) {
            step("qr (tsqr, keeping Q)", Programs.tsqrFactors(), Map.of("M", tr(a, b)), Map.of("A", in, "R", f.r(), "Hl", f.hl(), "Ht", f.ht()));
        } else {
            step("qr (caqr)", Programs.caqr(), Map.of("M", tr(a, b), "N", tiles), Map.of("A", in, "R", f.r(), "Hl", f.hl(), "Ht", f.ht()));
        }
        qrFactored.put(in, f);
        return f;
    }

    /** TSQR for one tile column; CAQR otherwise, cropped to n x n when its R has extra (zero) rows. */
    private void qr(QrR q, String in, String out) {
        int b = q.blockSize();
        long m = q.arg().shape().rows();
        long n = q.arg().shape().cols();
        long tiles = tc(q.arg(), b);
        if (tiles == 1) {
            step("qr (tsqr)", Programs.tsqr(), Map.of("M", tr(q.arg(), b)), Map.of("A", in, "R", out));
            return;
        }
        long rRows = Math.min(m, tiles * b);
        String r = rRows == n ? out : out + "_r";
        if (rRows != n) {
            // tiles below the diagonal are never written: zero by structure
            values.put(r, new Value(r, MatrixDecl.Role.TEMP, Optional.of(new Shape(rRows, n)), b, Structure.UPPER, Optional.empty()));
        }
        for (String h : List.of(out + "_hl", out + "_ht")) {
            values.put(h, new Value(h, MatrixDecl.Role.TEMP, Optional.empty(), b, Structure.GENERAL, Optional.empty()));
        }
        step("qr (caqr)", Programs.caqr(), Map.of("M", tr(q.arg(), b), "N", tiles),
                Map.of("A", in, "R", r, "Hl", out + "_hl", "Ht", out + "_ht"));
        if (rRows != n) {
            step("crop R to " + n + "x" + n, ExprPrograms.crop(), Map.of("RR", n, "CC", n, "B", (long) b), Map.of("X", r, "Y", out));
        }
    }

    /** The consumer reads whole tiles grids: complete symmetric intermediates first. */
    private void full(List<String> operands) {
        for (String name : operands) {
            Value v = values.get(name);
            if (v.role() == MatrixDecl.Role.TEMP && v.structure().lowerTilesOnly() && v.structure() != Structure.LOWER && mirrored.add(name)) {
                step("mirror " + name, ExprPrograms.mirror(), Map.of("N", v.shape().orElseThrow().tileRows(v.blockSize())), Map.of("C", name));
            }
        }
    }

    /** A triangular solve reads one triangle; a symmetric intermediate has the lower one, anything else needs all tiles. */
    private void requireTriangleReadable(TriSolve s, String t) {
        Structure st = values.get(t).structure();
        if (!(s.lower() && (st == Structure.LOWER || st.symmetric())) && !(!s.lower() && st == Structure.UPPER)) {
            full(List.of(t));
        }
    }

    private static ExprPrograms.Broadcast broadcast(Shape in, Shape out) {
        if (in.equals(out)) {
            return ExprPrograms.Broadcast.FULL;
        }
        return in.rows() == 1 && out.rows() > 1 ? ExprPrograms.Broadcast.ROW : ExprPrograms.Broadcast.COLUMN;
    }

    private void step(String operation, Program program, Map<String, Long> args, Map<String, String> matrices) {
        steps.add(new Step(operation, program, args, matrices));
    }

    private static long tr(MatrixExpr e, int block) {
        return e.shape().tileRows(block);
    }

    private static long tc(MatrixExpr e, int block) {
        return e.shape().tileCols(block);
    }
}
