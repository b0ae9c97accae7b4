package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What the store records about a named matrix (its manifest, plus column names where known).
 *
 * @param structure {@code general}, {@code lower-triangular}, {@code upper-triangular},
 *     {@code symmetric}, {@code psd} or {@code spd}, followed by {@code ; lower tiles only} when
 *     only the tiles on and below the diagonal are stored
 * @param creator who made it and how, e.g. {@code ann@host pid 42 (...); job s1-m3-job: gram}
 * @param columnNames one name per column (e.g. the table columns it was loaded from), or empty
 */
public record MatrixInfo(String name, long rows, long cols, int blockSize, String structure, Instant createdAt, String creator,
                         List<String> columnNames) {
    public MatrixInfo {
        requireNonNull(name, "name is null");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column, got " + rows + "x" + cols);
        }
        requireNonNull(structure, "structure is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(creator, "creator is null");
        columnNames = List.copyOf(columnNames);
    }
}
