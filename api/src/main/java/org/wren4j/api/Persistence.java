package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;

/**
 * The expressions a session keeps ({@link BlockMatrix#persist()}), by value as the planner
 * compares them: a mark is pending until the first job whose expression contains it computes it
 * as one more result, then stored; later jobs read the stored leaf instead of the expression.
 */
final class Persistence {
    /** What is known of a persisted expression. */
    sealed interface Mark permits Pending, Kept {
    }

    /** Marked; the next job that contains the expression stores it. */
    record Pending() implements Mark {
    }

    /**
     * Stored as {@code leaf}; {@code owned} when only this mark holds the tiles (so unpersist and
     * close delete them), not when they are an input, an earlier result, or handed to the user.
     */
    record Kept(Leaf leaf, boolean owned) implements Mark {
        Kept {
            requireNonNull(leaf, "leaf is null");
        }
    }

    private static final Pending PENDING = new Pending();

    private final Map<MatrixExpr, Mark> marks = new HashMap<>();

    /** Marks {@code e} pending unless it is marked already. */
    synchronized void mark(MatrixExpr e) {
        marks.putIfAbsent(e, PENDING);
    }

    /** Marks {@code e} as already stored in {@code leaf}, tiles it does not own (a result computed before). */
    synchronized void markComputed(MatrixExpr e, Leaf leaf) {
        if (!(marks.get(e) instanceof Kept)) {
            marks.put(e, new Kept(leaf, false));
        }
    }

    /** Drops the mark of {@code e}; returns the leaf whose tiles are now nobody's, to delete. */
    synchronized Optional<Leaf> unmark(MatrixExpr e) {
        return marks.remove(e) instanceof Kept k && k.owned() && !heldElsewhere(k.leaf()) ? Optional.of(k.leaf()) : Optional.empty();
    }

    private boolean heldElsewhere(Leaf leaf) {
        return marks.values().stream().anyMatch(m -> m instanceof Kept k && k.leaf().name().equals(leaf.name()));
    }

    /** What is known of {@code e}, if it is marked. */
    synchronized Optional<Mark> state(MatrixExpr e) {
        return Optional.ofNullable(marks.get(e));
    }

    /** Whether {@code leaf} holds a persisted expression's tiles. */
    synchronized boolean keeps(Leaf leaf) {
        return !marks.isEmpty() && heldElsewhere(leaf);
    }

    /** The user now holds a handle on {@code leaf}: its tiles outlive the mark. */
    synchronized void handedOut(Leaf leaf) {
        marks.replaceAll((e, m) -> m instanceof Kept k && k.leaf().name().equals(leaf.name()) ? new Kept(k.leaf(), false) : m);
    }

    /**
     * Records the job result of a pending expression; false (nothing recorded) if the mark was
     * dropped or stored meanwhile, when the caller deletes the tiles it owns.
     */
    synchronized boolean stored(MatrixExpr e, Leaf leaf, boolean owned) {
        if (!(marks.get(e) instanceof Pending)) {
            return false;
        }
        marks.put(e, new Kept(leaf, owned));
        return true;
    }

    /** Drops the marks kept in the matrix {@code name}, whose tiles were deleted. */
    synchronized void forget(String name) {
        marks.values().removeIf(m -> m instanceof Kept k && k.leaf().name().equals(name));
    }

    /** Every stored leaf this session owns, the marks dropped: what close deletes. */
    synchronized List<Leaf> clear() {
        List<Leaf> owned = new ArrayList<>();
        marks.values().forEach(m -> {
            if (m instanceof Kept k && k.owned()) {
                owned.add(k.leaf());
            }
        });
        marks.clear();
        return owned;
    }

    /** {@code roots} with every stored persisted sub-expression replaced by its leaf. */
    synchronized List<MatrixExpr> resolve(List<MatrixExpr> roots) {
        if (marks.isEmpty()) {
            return roots;
        }
        Map<MatrixExpr, MatrixExpr> seen = new IdentityHashMap<>();
        return roots.stream().map(r -> resolve(r, seen)).toList();
    }

    private MatrixExpr resolve(MatrixExpr e, Map<MatrixExpr, MatrixExpr> seen) {
        MatrixExpr done = seen.get(e);
        if (done != null) {
            return done;
        }
        MatrixExpr out;
        if (marks.get(e) instanceof Kept k) {
            out = k.leaf();
        } else {
            List<MatrixExpr> children = e.children();
            List<MatrixExpr> resolved = new ArrayList<>(children.size());
            boolean changed = false;
            for (MatrixExpr c : children) {
                MatrixExpr r = resolve(c, seen);
                changed |= r != c;
                resolved.add(r);
            }
            out = changed ? e.withChildren(resolved) : e;
        }
        seen.put(e, out);
        return out;
    }

    /** The pending persisted sub-expressions of {@code roots} (themselves included), each once, outermost first. */
    synchronized List<MatrixExpr> pendingIn(List<MatrixExpr> roots) {
        if (marks.isEmpty()) {
            return List.of();
        }
        Set<MatrixExpr> found = new LinkedHashSet<>();
        Set<MatrixExpr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        roots.forEach(r -> pendingIn(r, found, seen));
        return List.copyOf(found);
    }

    private void pendingIn(MatrixExpr e, Set<MatrixExpr> found, Set<MatrixExpr> seen) {
        if (!seen.add(e)) {
            return;
        }
        if (marks.get(e) instanceof Pending) {
            found.add(e);
        }
        e.children().forEach(c -> pendingIn(c, found, seen));
    }
}
