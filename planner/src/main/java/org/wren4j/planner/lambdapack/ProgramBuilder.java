package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fluent construction of a {@link Program}; statements come from {@link Lp}. */
public final class ProgramBuilder {
    private final String name;
    private final List<String> params = new ArrayList<>();
    private final List<MatrixDecl> matrices = new ArrayList<>();
    private final List<Stmt> body = new ArrayList<>();

    ProgramBuilder(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public ProgramBuilder params(String... names) {
        params.addAll(List.of(names));
        return this;
    }

    public ProgramBuilder input(String matrix) {
        return input(matrix, 2);
    }

    public ProgramBuilder input(String matrix, int rank) {
        matrices.add(new MatrixDecl(matrix, MatrixDecl.Role.INPUT, rank, Optional.empty()));
        return this;
    }

    public ProgramBuilder output(String matrix) {
        return output(matrix, 2);
    }

    public ProgramBuilder output(String matrix, int rank) {
        matrices.add(new MatrixDecl(matrix, MatrixDecl.Role.OUTPUT, rank, Optional.empty()));
        return this;
    }

    public ProgramBuilder temp(String matrix, int rank) {
        matrices.add(new MatrixDecl(matrix, MatrixDecl.Role.TEMP, rank, Optional.empty()));
        return this;
    }

    /** A temporary whose unwritten tiles {@code T[..., r, c]} are read from {@code initial[r, c]}. */
    public ProgramBuilder temp(String matrix, int rank, String initial) {
        matrices.add(new MatrixDecl(matrix, MatrixDecl.Role.TEMP, rank, Optional.of(initial)));
        return this;
    }

    public ProgramBuilder body(Stmt... statements) {
        body.addAll(List.of(statements));
        return this;
    }

    public Program build() {
        return new Program(name, params, matrices, new Block(body));
    }
}
