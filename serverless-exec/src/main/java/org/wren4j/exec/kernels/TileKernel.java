package org.wren4j.exec.kernels;

import org.wren4j.tiles.Tile;

/** A kernel of the catalogue ({@code org.wren4j.planner.library.KernelSpecs}) implemented on tiles. */
@FunctionalInterface
public interface TileKernel {
    /**
     * Computes the output tiles; must be deterministic for a given BLAS thread count and must
     * not mutate its inputs.
     *
     * @throws KernelFailure if the input makes the operation impossible
     */
    Tile[] apply(Tile[] inputs, double[] scalars);
}
