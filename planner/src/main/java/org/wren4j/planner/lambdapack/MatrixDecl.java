package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A matrix a program reads or writes. {@code rank} is the number of tile indices. A temporary
 * may name an {@code initialFrom} matrix: a tile of the temporary that no statement writes is
 * read from that matrix at the same (row, column) tile, e.g. {@code S[0, j, k] = A[j, k]}.
 */
public record MatrixDecl(String name, Role role, int rank, Optional<String> initialFrom) {

    public enum Role { INPUT, OUTPUT, TEMP }

    public MatrixDecl {
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
        requireNonNull(initialFrom, "initialFrom is null");
        new Ref(name); // validates the name
        if (rank < 2) {
            throw new IllegalArgumentException("matrix " + name + " needs rank >= 2, got " + rank);
        }
        if (initialFrom.isPresent() && role != Role.TEMP) {
            throw new IllegalArgumentException("only a temporary matrix can have an initial matrix: " + name);
        }
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + " " + name + "[" + rank + "]"
                + initialFrom.map(m -> " init " + m).orElse("");
    }
}
