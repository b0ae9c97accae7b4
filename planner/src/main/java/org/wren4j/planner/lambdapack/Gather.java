package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A variable-length list of input tiles: {@code refs for var in from..to} ({@code to}
 * exclusive), expanded in order {@code var = from, from + 1, ...}, all refs for one value
 * before the next. Lets one task read a group of tiles, e.g. a leaf of a reduction tree that
 * accumulates several products, or the stacked tiles of a TSQR node.
 */
public record Gather(String var, Expr from, Expr to, List<TileRef> refs) {
    public Gather {
        requireNonNull(var, "var is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        refs = List.copyOf(requireNonNull(refs, "refs is null"));
        new Ref(var); // validates the name
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("gather over " + var + " reads no tile");
        }
    }

    @Override
    public String toString() {
        return refs.stream().map(TileRef::toString).collect(Collectors.joining(", "))
                + " for " + var + " in " + from + ".." + to;
    }
}
