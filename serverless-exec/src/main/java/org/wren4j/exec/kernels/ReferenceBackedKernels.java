package org.wren4j.exec.kernels;

import java.util.ArrayList;
import java.util.List;
import org.wren4j.planner.interp.ReferenceKernels;
import org.wren4j.tiles.Tile;

/**
 * Kernels of the LU program served by the planner's plain-Java reference
 * implementations (exact, not BLAS speed) until their OpenBLAS versions land. Listed by name,
 * so a new catalogue kernel still needs an explicit implementation. A reference failure that
 * is the input's fault (a singular pivot) becomes a {@link KernelFailure}.
 */
final class ReferenceBackedKernels {
    static final List<String> NAMES = List.of(
            "lu_cand", "lu_cand_merge", "lu_diag", "lu_pick", "lu_l", "lu_update");

    private ReferenceBackedKernels() {
    }

    static TileKernel kernel(String name) {
        return (in, scalars) -> {
            List<double[][]> dense = new ArrayList<>(in.length);
            for (Tile t : in) {
                double[][] a = new double[t.rows()][t.cols()];
                t.copyInto(a, 0, 0);
                dense.add(a);
            }
            List<double[][]> out;
            try {
                out = ReferenceKernels.apply(name, dense, scalars);
            } catch (ArithmeticException e) {
                throw new KernelFailure(name + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().contains("singular")) {
                    throw new KernelFailure(e.getMessage());
                }
                throw e;
            }
            Tile[] tiles = new Tile[out.size()];
            for (int k = 0; k < tiles.length; k++) {
                double[][] a = out.get(k);
                tiles[k] = a.length == 0 || a[0].length == 0 ? Tile.empty(a.length, a.length == 0 ? 0 : a[0].length)
                        : Tile.copyOf(a, 0, 0, a.length, a[0].length);
            }
            return tiles;
        };
    }
}
