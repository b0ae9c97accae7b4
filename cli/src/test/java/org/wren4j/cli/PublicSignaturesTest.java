package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What users see: every public or protected signature of the public packages ({@code org.wren4j.api},
 * {@code org.wren4j.interop}, not {@code ...internal}) names only JDK, Arrow and public wren4j types,
 * found by reflection on the compiled classes, so a type reached through a qualified name or a
 * generic argument counts as much as an import.
 */
class PublicSignaturesTest {
    private static final List<String> ALLOWED = List.of("java.", "org.apache.arrow.", "org.wren4j.api.", "org.wren4j.interop.", "org.wren4j.spi.");

    @Test
    void publicSignaturesNameOnlyPublicTypes() {
        List<Class<?>> classes = PublicApi.publicClasses("api", "interop");
        assertThat(classes).as("public classes").hasSizeGreaterThan(10);
        assertThat(violations(classes)).as("internal types in public signatures").isEmpty();
    }

    /** A stand-in for an API class that leaks internals in each place a signature can. */
    public abstract static class Leaky extends org.wren4j.tiles.ForwardingObjectStore implements java.util.function.Supplier<org.wren4j.planner.expr.Shape> {
        public org.wren4j.tiles.TileStore store;

        protected Leaky() {
            super(null);
        }

        public abstract List<? extends org.wren4j.planner.expr.Leaf> leaves(java.util.Map<String, org.wren4j.exec.EngineConfig[]> configs)
                throws org.wren4j.tiles.MissingMatrixException;

        protected abstract <T extends org.wren4j.exec.ExecEngine> T engine();

        private org.wren4j.exec.ExecEngine hidden() {
            return null;
        }
    }

    @Test
    void theCheckSeesEveryKindOfSignature() {
        assertThat(violations(List.of(Leaky.class))).containsExactlyInAnyOrder(
                Leaky.class.getName() + " extends org.wren4j.tiles.ForwardingObjectStore",
                Leaky.class.getName() + " implements org.wren4j.planner.expr.Shape",
                Leaky.class.getName() + " field store org.wren4j.tiles.TileStore",
                Leaky.class.getName() + " leaves(...) returns org.wren4j.planner.expr.Leaf",
                Leaky.class.getName() + " leaves(...) takes org.wren4j.exec.EngineConfig",
                Leaky.class.getName() + " leaves(...) throws org.wren4j.tiles.MissingMatrixException",
                Leaky.class.getName() + " engine(...) returns org.wren4j.exec.ExecEngine");
    }

    private static Set<String> violations(List<Class<?>> classes) {
        var violations = new TreeSet<String>();
        for (Class<?> c : classes) {
            Set<String> seen = new HashSet<>();
            check(c, "extends", c.getGenericSuperclass(), violations, seen);
            for (Type t : c.getGenericInterfaces()) {
                check(c, "implements", t, violations, seen);
            }
            for (Field f : PublicApi.exposedFields(c)) {
                check(c, "field " + f.getName(), f.getGenericType(), violations, seen);
            }
            for (Executable e : PublicApi.exposedExecutables(c)) {
                String where = (e instanceof Method ? e.getName() : "constructor") + "(...)";
                if (e instanceof Method m) {
                    check(c, where + " returns", m.getGenericReturnType(), violations, seen);
                }
                for (Type p : e.getGenericParameterTypes()) {
                    check(c, where + " takes", p, violations, seen);
                }
                for (Type x : e.getGenericExceptionTypes()) {
                    check(c, where + " throws", x, violations, seen);
                }
            }
        }
        return violations;
    }

    private static void check(Class<?> owner, String where, Type type, Set<String> out, Set<String> seen) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> k) {
            while (k.isArray()) {
                k = k.getComponentType();
            }
            if (!k.isPrimitive() && ALLOWED.stream().noneMatch(k.getName()::startsWith) || k.getName().contains(".internal.")) {
                out.add(owner.getName() + " " + where + " " + k.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(owner, where, p.getRawType(), out, seen);
            for (Type a : p.getActualTypeArguments()) {
                check(owner, where, a, out, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                check(owner, where, b, out, seen);
            }
            for (Type b : w.getLowerBounds()) {
                check(owner, where, b, out, seen);
            }
        } else if (type instanceof GenericArrayType g) {
            check(owner, where, g.getGenericComponentType(), out, seen);
        } else if (type instanceof TypeVariable<?> v && seen.add(owner.getName() + "#" + v.getName())) {
            for (Type b : v.getBounds()) {
                check(owner, where, b, out, seen);
            }
        }
    }
}
