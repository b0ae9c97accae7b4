package org.wren4j.exec.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SingleCallTest {
    private static final int N = 96;

    @Test
    void potrfRestoresItsInputBeforeEveryRepetitionAndUsesTheThreadsAsked() {
        double[] spd = spd(N, 1);
        double[] copy = spd.clone();
        SingleCall.Timing t = SingleCall.potrf(spd, N, 2, 4);
        // a second dpotrf on an already factored matrix would read L as A and fail or differ:
        // four successful calls mean each one started from A again
        assertThat(t.repetitions()).isEqualTo(4);
        assertThat(t.threads()).isEqualTo(2);
        assertThat(t.seconds()).isPositive().isFinite();
        assertThat(spd).as("the caller's array is not modified").isEqualTo(copy);
        assertThat(DenseLinalg.blasThreads()).as("workers' single BLAS thread is restored").isEqualTo(1);
    }

    @Test
    void gemmGeqrfAndGetrfAreTimed() {
        double[] a = random(N * 70, 2);
        double[] b = random(70 * 50, 3);
        assertThat(SingleCall.gemm(a, b, N, 70, 50, 1, 2).seconds()).isPositive();
        assertThat(SingleCall.geqrf(a, N, 70, 1, 2).seconds()).isPositive();
        assertThat(SingleCall.getrf(random(N * N, 4), N, N, 1, 2).seconds()).isPositive();
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteFailsAndRestoresThreads() {
        double[] a = spd(N, 5);
        a[7 * N + 7] = -1e6;
        assertThatThrownBy(() -> SingleCall.potrf(a, N, 2, 1)).isInstanceOf(SingularInputException.class).hasMessageContaining("not positive definite");
        assertThat(DenseLinalg.blasThreads()).isEqualTo(1);
        assertThatThrownBy(() -> SingleCall.potrf(new double[5], N, 1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9216 values");
    }

    private static double[] random(int size, long seed) {
        Random r = new Random(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = r.nextDouble() - 0.5;
        }
        return v;
    }

    private static double[] spd(int n, long seed) {
        double[] x = random(n * n, seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += x[k * n + i] * x[k * n + j];
                }
                a[j * n + i] = s + (i == j ? n : 0);
            }
        }
        return a;
    }
}
