package org.wren4j.planner.plan;

import java.util.HashMap;
import java.util.Map;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;

/** Named dense inputs for the reference interpreter, and the general leaves that stand for them. */
final class DenseInputs {
    private final int block;
    private final Map<String, double[][]> values = new HashMap<>();

    DenseInputs(int block) {
        this.block = block;
    }

    /** Records {@code a} under {@code name}; its leaf has tiles of this block size. */
    Leaf put(String name, double[][] a) {
        values.put(name, a);
        return new Leaf(name, new Shape(a.length, a[0].length), block, Structure.GENERAL);
    }

    void clear() {
        values.clear();
    }

    /** The values by name, as the interpreter takes them. */
    Map<String, double[][]> values() {
        return values;
    }
}
