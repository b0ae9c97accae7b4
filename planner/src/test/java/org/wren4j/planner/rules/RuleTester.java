package org.wren4j.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.wren4j.planner.expr.MatrixExpr;

/** {@code assertRule(rule).on(expr).matches("gram(A)")} or {@code .doesNotFire()}. */
final class RuleTester {
    private final Rule rule;

    private RuleTester(Rule rule) {
        this.rule = rule;
    }

    static RuleTester assertRule(Rule rule) {
        return new RuleTester(rule);
    }

    On on(MatrixExpr expr) {
        return new On(expr);
    }

    final class On {
        private final MatrixExpr expr;

        On(MatrixExpr expr) {
            this.expr = expr;
        }

        /** The rule fires on the root and gives an expression printed as {@code expected}, of the same shape. */
        MatrixExpr matches(String expected) {
            Optional<MatrixExpr> out = rule.apply(expr);
            assertThat(out).as("%s on %s", rule.name(), expr).isPresent();
            assertThat(out.get().toString()).as("%s on %s", rule.name(), expr).isEqualTo(expected);
            assertThat(out.get().shape()).as("shape kept by %s", rule.name()).isEqualTo(expr.shape());
            return out.get();
        }

        void doesNotFire() {
            assertThat(rule.apply(expr)).as("%s on %s", rule.name(), expr).isEmpty();
        }
    }
}
