package org.wren4j.planner.plan;

import java.util.Optional;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.lambdapack.MatrixDecl;

/**
 * A matrix of a plan's fused program: a stored input ({@code leaf} present), an intermediate
 * (TEMP), or the result (OUTPUT). {@code shape} is empty for internal temporaries (e.g. the
 * (value, index) pairs of an arg reduction) whose tiles carry their own shape.
 */
public record Value(String name, MatrixDecl.Role role, Optional<Shape> shape, int blockSize, Structure structure, Optional<Leaf> leaf) {
}
