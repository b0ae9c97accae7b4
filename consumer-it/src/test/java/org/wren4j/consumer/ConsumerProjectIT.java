package org.wren4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.ServiceEndpoints;
import org.wren4j.devservices.DevServices;

/**
 * wren4j as a user's Maven project meets it: depending on wren4j-interop alone (no parent, no
 * BOM), or through the BOM, the class path holds one version of each aligned family and a
 * ridge regression on the digits table runs on the embedded default and on real Redis,
 * ElasticMQ and s3proxy on 127.0.0.1, agreeing with a dense solve of the original CSV. A
 * project that pins another Netty is reported by the same check.
 */
class ConsumerProjectIT {
    private static final Path DIGITS_PARQUET = ConsumerProject.ROOT.resolve("test-data/real/digits.parquet");
    private static final Path DIGITS_CSV = ConsumerProject.ROOT.resolve("test-data/real/digits.csv.gz");
    private static final String INTEROP = "<dependency><groupId>org.wren4j</groupId><artifactId>wren4j-interop</artifactId>%s</dependency>";
    /** Relative error of the weights against the dense reference: both solve a 64x64 system with condition ~1e3 in doubles. */
    private static final double TOLERANCE = 1e-10;
    private static double[] reference;

    @BeforeAll
    static void denseReference() throws IOException {
        reference = ridgeFromCsv(DIGITS_CSV, 10.0);
    }

    @Test
    void plainDependencyRunsOnBothBackends(@TempDir Path services) {
        ConsumerProject project = ConsumerProject.create("plain", "", INTEROP.formatted("<version>" + ConsumerProject.VERSION + "</version>"));
        checkAndRun(project, services);
    }

    @Test
    void bomImportRunsOnBothBackends(@TempDir Path services) {
        ConsumerProject project = ConsumerProject.create("bom",
                "<dependency><groupId>org.wren4j</groupId><artifactId>wren4j-bom</artifactId><version>" + ConsumerProject.VERSION
                        + "</version><type>pom</type><scope>import</scope></dependency>",
                INTEROP.formatted(""));
        checkAndRun(project, services);
    }

    @Test
    void aPinnedOtherNettyIsReported() {
        ConsumerProject project = ConsumerProject.create("mismatch", "", INTEROP.formatted("<version>" + ConsumerProject.VERSION + "</version>")
                + "<dependency><groupId>io.netty</groupId><artifactId>netty-handler</artifactId><version>4.1.118.Final</version></dependency>");
        List<String> misaligned = ClassPathAlignment.misalignments(ConsumerProject.coordinates(project.build()));
        // the pin wins for netty-handler and, being nearer, for the 4.1 modules it brings along
        assertThat(misaligned).singleElement().asString()
                .startsWith("io.netty artifacts in 2 versions: 4.1.118.Final [")
                .contains("netty-handler:4.1.118.Final", "; 4.2.13.Final [");
    }

    private static void checkAndRun(ConsumerProject project, Path servicesDir) {
        List<Path> classPath = project.build();
        assertThat(ClassPathAlignment.misalignments(ConsumerProject.coordinates(classPath))).as("misaligned families").isEmpty();
        assertThat(classPath).as("no test servers or ND4J on a user's class path")
                .noneMatch(p -> p.toString().matches(".*/(org/gaul|org/elasticmq|com/github/codemonstur|org/nd4j)/.*"));

        double[] embedded = weights(project.runApp(classPath, DIGITS_PARQUET.toString()));
        assertClose(embedded, "embedded");
        try (DevServices dev = DevServices.start(servicesDir)) {
            ServiceEndpoints e = dev.endpoints();
            double[] onServices = weights(project.runApp(classPath, DIGITS_PARQUET.toString(), e.redis(), e.sqs().toString(),
                    e.s3().orElseThrow().toString(), e.bucket()));
            assertClose(onServices, "services");
        }
    }

    private static void assertClose(double[] w, String backend) {
        assertThat(w).as("weights on %s", backend).hasSize(reference.length);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < w.length; i++) {
            diff += (w[i] - reference[i]) * (w[i] - reference[i]);
            norm += reference[i] * reference[i];
        }
        assertThat(Math.sqrt(diff / norm)).as("relative error of the weights on %s", backend).isLessThan(TOLERANCE);
    }

    private static double[] weights(String output) {
        String line = output.lines().filter(l -> l.startsWith("weights ")).findFirst()
                .orElseThrow(() -> new AssertionError("the app printed no weights:\n" + output));
        return Arrays.stream(line.substring(8).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** (X^T X + lambda I) w = X^T y by a plain Cholesky in doubles, from the CSV the Parquet file was made from. */
    static double[] ridgeFromCsv(Path csvGz, double lambda) throws IOException {
        var rows = new ArrayList<double[]>();
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(csvGz)), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        int p = rows.get(0).length - 1;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (double[] r : rows) {
            for (int i = 0; i < p; i++) {
                b[i] += r[i] * r[p];
                for (int j = 0; j < p; j++) {
                    a[i][j] += r[i] * r[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            a[i][i] += lambda;
        }
        for (int j = 0; j < p; j++) { // a = L L^T in place (lower)
            for (int k = 0; k < j; k++) {
                a[j][j] -= a[j][k] * a[j][k];
            }
            a[j][j] = Math.sqrt(a[j][j]);
            for (int i = j + 1; i < p; i++) {
                for (int k = 0; k < j; k++) {
                    a[i][j] -= a[i][k] * a[j][k];
                }
                a[i][j] /= a[j][j];
            }
        }
        double[] y = b.clone();
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < i; k++) {
                y[i] -= a[i][k] * y[k];
            }
            y[i] /= a[i][i];
        }
        for (int i = p - 1; i >= 0; i--) {
            for (int k = i + 1; k < p; k++) {
                y[i] -= a[k][i] * y[k];
            }
            y[i] /= a[i][i];
        }
        return y;
    }
}
