package org.wren4j.planner.analysis;

import java.util.List;
import java.util.Map;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.library.Programs;

/** QR, LU and SVD programs of the property test, and the parameter constraints they have. */
final class ProgramCasesQr {
    private ProgramCasesQr() {
    }

    static List<Program> all() {
        return List.of(Programs.tsqr(2), Programs.tsqr(4), Programs.tsqrFactors(), Programs.tsqrQ(),
                Programs.caqr(), Programs.caqrQ(), Programs.calu(2), Programs.calu(4), Programs.bdfac());
    }

    static Map<String, Long> fix(Program p, Map<String, Long> args) {
        return args;
    }
}
