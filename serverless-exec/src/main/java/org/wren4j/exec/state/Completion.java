package org.wren4j.exec.state;

import java.util.List;

/**
 * What completing a task found: the children that are ready to run, and the temporary tiles
 * whose readers have all completed (to delete from the tile store).
 */
public record Completion(List<String> ready, List<String> collected) {
    public Completion {
        ready = List.copyOf(ready);
        collected = List.copyOf(collected);
    }
}
