package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.wren4j.planner.expr.Leaf;

/**
 * Handles that are computed in ONE job (the parts of an LU, an inverse): computing any of them
 * computes all, so the shared work (the factorization) runs once; a failure names the operation.
 */
final class ComputedTogether {
    private final Wren wren;
    private final String operation;
    private List<BlockMatrix> members = List.of();

    ComputedTogether(Wren wren, String operation) {
        this.wren = requireNonNull(wren, "wren is null");
        this.operation = requireNonNull(operation, "operation is null");
    }

    /** Set once, after the handles (which refer to this group) exist. */
    void members(BlockMatrix... handles) {
        this.members = List.of(handles);
    }

    /** Runs the one job unless every member is computed already (one job even if callers race). */
    synchronized void compute() {
        if (members.stream().allMatch(m -> m.current() instanceof Leaf)) {
            return;
        }
        try {
            wren.compute(members.toArray(BlockMatrix[]::new));
        } catch (WrenException e) {
            throw new WrenException(operation + ": " + e.getMessage(), e);
        }
    }
}
