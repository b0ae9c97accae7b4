package org.wren4j.planner.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.library.Programs;
import org.wren4j.planner.library.ReduceOp;
import org.wren4j.planner.library.Triangular;

/** Every library program, with the fan-ins worth testing. */
public final class ProgramCases {
    private ProgramCases() {
    }

    public static List<Program> all() {
        var out = new ArrayList<Program>();
        out.add(Programs.cholesky());
        out.add(Programs.gemmChain());
        for (int f : new int[] {2, 4, 8}) {
            out.add(Programs.gemm(f));
        }
        out.add(Programs.gram(2));
        out.add(Programs.gram(4));
        for (Triangular.Side side : Triangular.Side.values()) {
            for (boolean lower : new boolean[] {true, false}) {
                for (boolean trans : new boolean[] {false, true}) {
                    out.add(Programs.trsm(new Triangular(side, lower, trans)));
                }
            }
        }
        out.add(Programs.map("map_scale", 2.0));
        out.add(Programs.zip("zip_axpby", 2.0, -1.0));
        out.add(Programs.transpose());
        for (ReduceOp op : ReduceOp.values()) {
            out.add(Programs.rowReduce(op, 2));
            out.add(Programs.colReduce(op, 4));
        }
        out.addAll(ProgramCasesQr.all());
        return out;
    }

    /** Random grid sizes in {@code 1..max} for every parameter (unrelated to each other: ragged grids). */
    public static Map<String, Long> randomArgs(Program p, Random r, int max) {
        var args = new LinkedHashMap<String, Long>();
        for (String param : p.params()) {
            args.put(param, 1L + r.nextInt(max));
        }
        return ProgramCasesQr.fix(p, args);
    }
}
