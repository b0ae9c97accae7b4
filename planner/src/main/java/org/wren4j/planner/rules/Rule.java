package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.MatrixExpr;

/** One rewrite: matches a node and returns an equivalent one, or nothing. Never mutates. */
public interface Rule {
    String name();

    Optional<MatrixExpr> apply(MatrixExpr node);
}
