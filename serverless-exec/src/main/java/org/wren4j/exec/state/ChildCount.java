package org.wren4j.exec.state;

import static java.util.Objects.requireNonNull;

/** A child task and its number of parents, used to initialise its counter on first touch. */
public record ChildCount(String taskKey, int parents) {
    public ChildCount {
        requireNonNull(taskKey, "taskKey is null");
        if (parents < 1) {
            throw new IllegalArgumentException("a child has at least one parent: " + taskKey + " has " + parents);
        }
    }
}
