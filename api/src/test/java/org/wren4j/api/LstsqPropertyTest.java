package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.wren4j.api.DenseLstsq.EPS;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.plan.Dense;

/**
 * Seeded random {@code lstsq} problems whose spectra are rank-deficient, nearly singular,
 * graded or clustered, at random block sizes (blocks that do not divide n, blocks above n: one
 * tile column and TSQR, blocks above m: a 1 x 1 grid, else CAQR), against the independent
 * dense reference {@link DenseLstsq} (Jacobi SVD of the whole A).
 *
 * <p>Tolerances, with {@code kappa = s_1 / s_rank} of the reference:
 * <ul>
 * <li>rank: equal. Spectra are built so no singular value lies within 1e3 of the cut-off:
 *     where values are dropped they are exact zeros (rounding-level once A is formed, ~1e-16
 *     s_1), so those families pass {@code rcond = 1e-12}, three orders from either side;
 *     numpy's default {@code eps * max(m, n)} would decide their rank by rounding, for numpy too.
 * <li>x: {@code |x - x_ref| <= max(1e3 eps kappa, 1e-8) (|x_ref| + kappa |b - A x_ref| / s_1)}: the
 *     least-squares perturbation bound {@code eps (kappa |x| + kappa^2 |r| / s_1)} with room
 *     for its constant, and the refinement's own stopping rule (estimated error at most
 *     {@code max(eps kappa, 1e-8)} of that scale).
 * <li>residuals (numpy: only when rank = n < m): within {@code 1e3 eps kappa |b|_F^2} of the reference.
 * <li>singular values: within {@code 1e3 eps s_1} (QR and SVD are backward stable).
 * </ul>
 */
class LstsqPropertyTest extends EmbeddedSessionTest {
    private static final int CASES = 100;
    private static final double DROP_RCOND = 1e-12;

    enum Family { RANK_DEFICIENT, DUPLICATE_COLUMNS, NEARLY_SINGULAR, GRADED, CLUSTERED }

    enum Grid { ONE_TILE, ONE_TILE_COLUMN, TILES_DIVIDE_N, TILES_DO_NOT_DIVIDE_N }

    /** One generated problem: A, b, the rcond to pass, and a line to name it by. */
    private record Problem(double[][] a, double[][] b, double rcond, Family family, String name) {
    }

    @Test
    void seededSpectraMatchTheDenseReference() {
        Map<Family, Integer> families = new EnumMap<>(Family.class);
        Map<Grid, Integer> grids = new EnumMap<>(Grid.class);
        int deficient = 0;
        for (long seed = 0; seed < CASES; seed++) {
            Random random = new Random(1300 + seed);
            Family family = Family.values()[(int) (seed % Family.values().length)];
            Problem p = problem(random, family, seed);
            int m = p.a().length;
            int n = p.a()[0].length;
            int block = block(random, m, n);
            Grid grid = block >= m ? Grid.ONE_TILE : block >= n ? Grid.ONE_TILE_COLUMN
                    : n % block == 0 ? Grid.TILES_DIVIDE_N : Grid.TILES_DO_NOT_DIVIDE_N;
            String as = p.name() + " " + m + "x" + n + " k=" + p.b()[0].length + " block " + block + " (" + grid + ")";
            check(p, block, as);
            families.merge(family, 1, Integer::sum);
            grids.merge(grid, 1, Integer::sum);
            deficient += DenseLstsq.solve(p.a(), p.b(), p.rcond()).rank() < n ? 1 : 0;
        }
        // the generator covers every family and grid, and rank-deficient cases are common
        assertThat(families).hasSize(Family.values().length);
        assertThat(grids).hasSize(Grid.values().length);
        assertThat(deficient).isGreaterThanOrEqualTo(CASES / 3);
    }

    private void check(Problem p, int block, String as) {
        int m = p.a().length;
        int n = p.a()[0].length;
        LeastSquares ls = wren.fromArray(p.a(), block).lstsq(wren.fromArray(p.b(), block), p.rcond());
        DenseLstsq.Answer ref = DenseLstsq.solve(p.a(), p.b(), p.rcond());
        assertThat(ls.rank()).as(as + ": rank; reference s = %s", Arrays.toString(ref.s())).isEqualTo(ref.rank());
        double s1 = ref.s()[0];
        assertThat(ls.singularValues()).as(as + ": singular values").containsExactly(ref.s(), offset(1e3 * EPS * s1));
        if (ref.rank() == 0) {
            assertThat(DenseLstsq.fro(ls.solution().toArray())).as(as).isZero();
            return;
        }
        double kappa = s1 / ref.s()[ref.rank() - 1];
        double xNorm = DenseLstsq.fro(ref.x());
        double scale = xNorm + kappa * Math.sqrt(Arrays.stream(ref.residuals()).sum()) / s1;
        double tol = Math.max(1e3 * EPS * kappa, 1e-8) * scale;
        double[][] x = ls.solution().toArray();
        assertThat(DenseLstsq.froDiff(x, ref.x())).as(as + ": |x - x_ref| with |x_ref| = %.3e, kappa %.1e", xNorm, kappa)
                .isLessThanOrEqualTo(tol);
        if (ref.rank() == n && m > n) {
            double bb = Math.pow(DenseLstsq.fro(p.b()), 2);
            assertThat(ls.residuals()).as(as + ": residuals").containsExactly(ref.residuals(), offset(1e3 * EPS * kappa * bb));
        } else {
            assertThat(ls.residuals()).as(as + ": numpy gives no residuals").isEmpty();
        }
    }

    /** Half CAQR grids (block from n/4 to n - 1, dividing n or not), a quarter one tile column, a quarter one tile. */
    private static int block(Random random, int m, int n) {
        int pick = random.nextInt(4);
        if (pick == 0 || n < 3) {
            return m + random.nextInt(3);
        }
        if (pick == 1 && m > n + 1) {
            return n + 1 + random.nextInt(m - n - 1);
        }
        if (pick == 1) {
            return n;
        }
        int lo = Math.max(2, (n + 3) / 4);
        return lo + random.nextInt(n - lo);
    }

    private static Problem problem(Random random, Family family, long seed) {
        int n = 2 + random.nextInt(11);
        int m = n + random.nextInt(2 * n + 5);
        int k = 1 + random.nextInt(3);
        double[][] b = Dense.random(random, m, k);
        double defaultRcond = LeastSquares.defaultRcond(m, n);
        String name = family + " #" + seed;
        switch (family) {
            case RANK_DEFICIENT -> {
                int rank = random.nextInt(n);
                double[] s = new double[n];
                for (int i = 0; i < rank; i++) {
                    s[i] = 0.1 + random.nextDouble();
                }
                return new Problem(DenseLstsq.withSingularValues(random, m, sorted(s)), b, DROP_RCOND, family, name + " rank " + rank);
            }
            case DUPLICATE_COLUMNS -> {
                double[][] a = Dense.random(random, m, n);
                int copies = 1 + random.nextInt(Math.max(1, n / 2));
                for (int c = 0; c < copies; c++) {
                    int from = random.nextInt(n);
                    int to = random.nextInt(n);
                    // a power of two keeps the copy exact: the columns are exactly dependent
                    double scale = random.nextBoolean() ? 1 : -2;
                    for (double[] row : a) {
                        row[to] = scale * row[from];
                    }
                }
                return new Problem(a, b, DROP_RCOND, family, name + " " + copies + " copies");
            }
            case NEARLY_SINGULAR -> {
                double[] s = spread(random, n, 0.1, 1);
                boolean drop = random.nextBoolean();
                // kept: the smallest 1e-2 .. 3e-6 of the rest; dropped: 1e-20, far below any cut-off
                s[n - 1] = drop ? 1e-20 : Math.pow(10, -2 - 3.5 * random.nextDouble());
                return new Problem(DenseLstsq.withSingularValues(random, m, s), b, drop ? DROP_RCOND : defaultRcond, family,
                        name + (drop ? " dropped" : " kept") + " s_min " + s[n - 1]);
            }
            case GRADED -> {
                double decades = 1 + 5.5 * random.nextDouble();
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = Math.pow(10, -decades * i / Math.max(1, n - 1));
                }
                double[][] a = DenseLstsq.withSingularValues(random, m, s);
                // half consistent (b = A x): no residual to hide x's error behind, so more corrections run
                boolean consistent = random.nextBoolean();
                return new Problem(a, consistent ? Dense.mul(a, Dense.random(random, n, k)) : b, defaultRcond, family,
                        name + String.format(" 1e-%.1f", decades) + (consistent ? " consistent" : ""));
            }
            case CLUSTERED -> {
                double[] levels = {1, 1e-3, 0};
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = levels[random.nextInt(3)] * (1 + 1e-12 * random.nextDouble());
                }
                return new Problem(DenseLstsq.withSingularValues(random, m, sorted(s)), b, DROP_RCOND, family, name);
            }
            default -> throw new IllegalStateException(family.toString());
        }
    }

    private static double[] spread(Random random, int n, double lo, double hi) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = lo + (hi - lo) * random.nextDouble();
        }
        return sorted(s);
    }

    private static double[] sorted(double[] s) {
        double[] out = s.clone();
        Arrays.sort(out);
        for (int i = 0; i < out.length / 2; i++) {
            double t = out[i];
            out[i] = out[out.length - 1 - i];
            out[out.length - 1 - i] = t;
        }
        return out;
    }
}
