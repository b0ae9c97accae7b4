package org.wren4j.exec.state;

import static java.util.Objects.requireNonNull;

/**
 * A stored tile of a temporary that a completing task read: its key in the job, the number of
 * distinct tasks that read it (to initialise its reader counter on first touch) and its size,
 * for the job's live-bytes figure.
 */
public record TileReaders(String tileKey, int readers, long bytes) {
    public TileReaders {
        requireNonNull(tileKey, "tileKey is null");
        if (readers < 1) {
            throw new IllegalArgumentException("a tile read by a task has at least one reader: " + tileKey + " has " + readers);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes of " + tileKey + " must be >= 0, got " + bytes);
        }
    }
}
