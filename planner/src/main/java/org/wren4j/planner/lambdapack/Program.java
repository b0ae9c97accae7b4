package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A LAmbdaPACK program: scalar parameters (grid sizes), the matrices it touches, and a body.
 * Validated on construction: every variable and matrix is declared, ranks agree, inputs are
 * never written, and no kernel call can write the same tile from two iterations (static
 * single assignment).
 */
public record Program(String name, List<String> params, List<MatrixDecl> matrices, Block body) {

    public Program {
        requireNonNull(name, "name is null");
        params = List.copyOf(requireNonNull(params, "params is null"));
        matrices = List.copyOf(requireNonNull(matrices, "matrices is null"));
        requireNonNull(body, "body is null");
        ProgramValidator.validate(name, params, matrices, body);
    }

    public static ProgramBuilder builder(String name) {
        return new ProgramBuilder(name);
    }

    public Optional<MatrixDecl> matrix(String matrixName) {
        return matrices.stream().filter(m -> m.name().equals(matrixName)).findFirst();
    }

    public MatrixDecl requireMatrix(String matrixName) {
        return matrix(matrixName).orElseThrow(() ->
                new IllegalArgumentException("program " + name + " has no matrix " + matrixName));
    }

    public Map<String, MatrixDecl> matrixMap() {
        var out = new LinkedHashMap<String, MatrixDecl>();
        matrices.forEach(m -> out.put(m.name(), m));
        return out;
    }

    /** Kernel calls in program order; a call's position in this list is its statement id. */
    public List<KernelCall> kernelCalls() {
        var out = new ArrayList<KernelCall>();
        collect(body, out);
        return out;
    }

    private static void collect(Stmt s, List<KernelCall> out) {
        if (s instanceof KernelCall k) {
            out.add(k);
        }
        for (Stmt c : s.children()) {
            collect(c, out);
        }
    }

    @Override
    public String toString() {
        return ProgramPrinter.print(this);
    }
}
