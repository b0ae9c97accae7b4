package org.wren4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.wren4j.api.BlockMatrix;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import scala.Tuple2;

/**
 * wren4j next to Spark MLlib on the same Spark session, from the same inputs: a cached DataFrame
 * of {@code rows} x {@code cols} features and a label (Gram + ridge solve, linear regression by the
 * normal equations, tall-skinny QR), and two {@code n} x {@code n} MLlib block matrices (GEMM).
 * wren4j's times include turning the DataFrame (or the MLlib matrices) into tiles; MLlib's include
 * turning the DataFrame into its vectors. Every result of both is checked against a dense reference
 * computed here in plain Java from the formula that generated the data, with the tolerance printed.
 *
 * <p>One JSON line per case, then a table. Arguments {@code key=value}: {@code rows} (400000),
 * {@code cols} (64), {@code n} (4096), {@code parts} (Spark partitions, 8), {@code block} (wren4j
 * tile size for the tall cases, 4096), {@code gemmBlock} (1024), {@code cases}
 * ({@code load,gram,linreg,tsqr,gemm}), {@code repeat} (1: the case list run that many times), {@code workers} (2),
 * {@code warmup} (true), {@code dir}.
 * Run by {@code mvn -B -o -pl spark -am -Pbench -DskipTests test -Dbench.args="..."}.
 */
public final class MllibBench {
    static final double LAMBDA = 0.5;

    private MllibBench() {
    }

    /** One measured case. */
    record Result(String name, String size, Time mllibTime, Time wrenTime, Check mllib, Check wren) {
        double mllibSeconds() {
            return mllibTime.seconds;
        }

        double wrenSeconds() {
            return wrenTime.seconds;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"case\":\"%s\",\"size\":\"%s\",\"mllib_s\":%.3f,\"wren4j_s\":%.3f,\"ratio_mllib_over_wren4j\":%.3f,"
                    + "\"mllib_cpu_s\":%.3f,\"wren4j_cpu_s\":%.3f,"
                    + "\"mllib_error\":%.3e,\"wren4j_error\":%.3e,\"tolerance\":%.1e,\"mllib_ok\":%b,\"wren4j_ok\":%b}",
                    name, size, mllibSeconds(), wrenSeconds(), mllibSeconds() / wrenSeconds(), mllibTime.cpuSeconds, wrenTime.cpuSeconds,
                    mllib.error, wren.error, wren.tolerance, mllib.ok(), wren.ok());
        }
    }

    /**
     * Wall-clock seconds and this process's CPU seconds (Spark's executors and wren4j's workers both
     * run in it): the CPU figure is the steadier one on a machine other work also loads.
     */
    record Time(double seconds, double cpuSeconds) {
        static long[] start() {
            return new long[] {System.nanoTime(), cpu()};
        }

        static Time since(long[] start) {
            return new Time((System.nanoTime() - start[0]) / 1e9, (cpu() - start[1]) / 1e9);
        }

        private static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /** A relative error against the reference and the tolerance it must stay within. */
    record Check(double error, double tolerance) {
        boolean ok() {
            return error <= tolerance; // NaN fails
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>(Map.of("rows", "400000", "cols", "64", "n", "4096", "parts", "8", "block", "4096",
                "gemmBlock", "1024", "cases", "load,gram,linreg,tsqr,gemm", "workers", "2", "warmup", "true", "repeat", "1"));
        for (String s : args) {
            for (String kv : s.trim().split("\\s+")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                if (eq < 0 || !a.containsKey(kv.substring(0, eq)) && !kv.startsWith("dir=")) {
                    throw new IllegalArgumentException("expected key=value with key one of " + a.keySet() + " or dir, got '" + kv + "'");
                }
                a.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        String blas = NativeBlas.useForMllib();
        Path dir = a.containsKey("dir") ? Path.of(a.get("dir")) : Files.createTempDirectory("wren4j-mllib-bench");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("wren4j-mllib-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.maxResultSize", "2g").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        System.out.println("# MLlib BLAS: " + blas);
        System.out.println("# machine: " + Runtime.getRuntime().availableProcessors() + " cores, Spark " + spark.version() + " local[2], load "
                + loadAverage());
        List<String> cases = List.of(a.get("cases").split(","));
        int workers = Integer.parseInt(a.get("workers"));
        try (WrenSpark ws = WrenSpark.create(spark, SharedStore.directory(dir.resolve("tiles")), b -> b.workers(workers))) {
            if (Boolean.parseBoolean(a.get("warmup"))) {
                run(ws, cases, 20_000, Integer.parseInt(a.get("cols")), 512, 2, 1024, 256, false);
            }
            List<String> repeated = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(a.get("repeat")); i++) {
                repeated.addAll(cases);
            }
            List<Result> results = run(ws, repeated, Long.parseLong(a.get("rows")), Integer.parseInt(a.get("cols")), Integer.parseInt(a.get("n")),
                    Integer.parseInt(a.get("parts")), Integer.parseInt(a.get("block")), Integer.parseInt(a.get("gemmBlock")), true);
            System.out.println();
            System.out.println(table(results));
            System.out.println("# load average after: " + loadAverage());
        } finally {
            spark.stop();
            deleteTree(dir.resolve("tiles"));
        }
    }

    static List<Result> run(WrenSpark ws, List<String> cases, long rows, int cols, int n, int parts, int block, int gemmBlock, boolean print) {
        var out = new ArrayList<Result>();
        Data d = null;
        for (int k = 0; k < cases.size(); k++) {
            String c = cases.get(k);
            if (!c.equals("gemm") && d == null) {
                d = Data.of(ws.spark(), rows, cols, parts);
            }
            if (c.equals("gemm") && d != null && !cases.subList(k, cases.size()).stream().anyMatch(x -> !x.equals("gemm"))) {
                d.df.unpersist(true); // the table's cache would only crowd GEMM's inputs out of the heap
                d = null;
            }
            Result r = switch (c) {
                case "load" -> load(ws, d, block);
                case "gram" -> gramRidge(ws, d, block);
                case "linreg" -> linearRegression(ws, d, block);
                case "tsqr" -> tallSkinnyQr(ws, d, block);
                case "gemm" -> gemm(ws, n, gemmBlock, parts);
                default -> throw new IllegalArgumentException("unknown case '" + c + "' (load, gram, linreg, tsqr, gemm)");
            };
            if (print) {
                System.out.println(r.json());
            }
            out.add(r);
        }
        if (d != null) {
            d.df.unpersist(true);
        }
        return out;
    }

    /** The benchmark's table: features {@code x0..}, label {@code y}, as a cached DataFrame, and its dense reference Gram. */
    static final class Data {
        final Dataset<Row> df;
        final long rows;
        final int cols;
        /** [X y]^T [X y], (cols + 1) square, summed here in row order. */
        final double[][] gram;

        Data(Dataset<Row> df, long rows, int cols, double[][] gram) {
            this.df = df;
            this.rows = rows;
            this.cols = cols;
            this.gram = gram;
        }

        static Data of(SparkSession spark, long rows, int cols, int parts) {
            var columns = new ArrayList<Column>();
            Column y = functions.lit(0.0);
            for (int c = 0; c < cols; c++) {
                Column x = Gen.column(functions.col("id"), c);
                columns.add(x.as("x" + c));
                y = y.plus(x.multiply(Gen.weight(c)));
            }
            columns.add(y.plus(Gen.column(functions.col("id"), cols).multiply(0.01)).as("y"));
            Dataset<Row> df = spark.range(0, rows, 1, parts).select(columns.toArray(Column[]::new)).persist(StorageLevel.MEMORY_ONLY());
            df.count();
            double[][] g = new double[cols + 1][cols + 1];
            double[] v = new double[cols + 1];
            for (long r = 0; r < rows; r++) {
                Gen.row(r, cols, v);
                for (int i = 0; i <= cols; i++) {
                    double vi = v[i];
                    double[] gi = g[i];
                    for (int j = 0; j <= i; j++) {
                        gi[j] += vi * v[j];
                    }
                }
            }
            for (int i = 0; i <= cols; i++) {
                for (int j = i + 1; j <= cols; j++) {
                    g[i][j] = g[j][i];
                }
            }
            return new Data(df, rows, cols, g);
        }

        LoadOptions options(int block) {
            return LoadOptions.builder().columnsMatching("x*").label("y").blockSize(block).build();
        }

        LoadOptions featuresOnly(int block) {
            return LoadOptions.builder().columnsMatching("x*").blockSize(block).build();
        }

        String size() {
            return rows + "x" + cols;
        }

        /** X^T X + lambda I and X^T y of the reference. */
        double[][] normal(double lambda) {
            double[][] a = new double[cols][cols + 1];
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    a[i][j] = gram[i][j] + (i == j ? lambda : 0);
                }
                a[i][cols] = gram[i][cols];
            }
            return a;
        }
    }

    /**
     * The generator the DataFrame and the references share: element (r, c) is
     * {@code pmod(r * A_c + B_c, M_c) / M_c - 0.5}, exact in Spark SQL and in Java alike (no overflow for r below 10^9).
     */
    static final class Gen {
        private Gen() {
        }

        static long a(int c) {
            return 7919L + 104_729L * c % 999_983L;
        }

        static long b(int c) {
            return 12_345L * (c + 1) % 1_000_003L;
        }

        static long m(int c) {
            return 1_000_003L + 2L * c;
        }

        static Column column(Column id, int c) {
            return functions.pmod(id.multiply(a(c)).plus(b(c)), functions.lit(m(c))).divide((double) m(c)).minus(0.5);
        }

        static double value(long r, int c) {
            return (double) Math.floorMod(r * a(c) + b(c), m(c)) / (double) m(c) - 0.5;
        }

        static double weight(int c) {
            return 1.0 + (c % 7) * 0.25 - (c % 3) * 0.5;
        }

        /** Row r as features then label, as the DataFrame computes it. */
        static void row(long r, int cols, double[] out) {
            double y = 0.0;
            for (int c = 0; c < cols; c++) {
                out[c] = value(r, c);
                y = y + out[c] * weight(c);
            }
            out[cols] = y + value(r, cols) * 0.01;
        }
    }

    static Result load(WrenSpark ws, Data d, int block) {
        // MLlib's counterpart of a load: the DataFrame as an RDD of vectors, materialised.
        long[] t0 = Time.start();
        JavaRDD<Vector> v = vectors(d.df, d.cols + 1).persist(StorageLevel.MEMORY_ONLY());
        long count = v.count();
        Time mllib = Time.since(t0);
        v.unpersist(true);
        t0 = Time.start();
        LoadedTable t = ws.load(d.df, d.options(block));
        Time wren = Time.since(t0);
        // Rows in order: the features' column sums and one sampled row, against the generator.
        double[][] first = t.features().slice(d.rows / 3, d.rows / 3 + 1, 0, d.cols).toArray();
        double err = 0;
        for (int c = 0; c < d.cols; c++) {
            err = Math.max(err, Math.abs(first[0][c] - Gen.value(d.rows / 3, c)));
        }
        delete(ws, t);
        return new Result("load", d.size(), mllib, wren, new Check(count == d.rows ? 0 : 1, 0), new Check(err, 0));
    }

    static Result gramRidge(WrenSpark ws, Data d, int block) {
        double[] expected = Dense.solve(d.normal(LAMBDA));
        long[] t0 = Time.start();
        // MLlib: the Gramian of [X y] in one pass, then the small solve on the driver.
        Matrix g = new RowMatrix(vectors(d.df, d.cols + 1).rdd()).computeGramianMatrix();
        double[][] a = new double[d.cols][d.cols + 1];
        for (int i = 0; i < d.cols; i++) {
            for (int j = 0; j < d.cols; j++) {
                a[i][j] = g.apply(i, j) + (i == j ? LAMBDA : 0);
            }
            a[i][d.cols] = g.apply(i, d.cols);
        }
        double[] wm = Dense.solve(a);
        Time mllib = Time.since(t0);
        t0 = Time.start();
        LoadedTable t = ws.load(d.df, d.options(block));
        BlockMatrix x = t.features();
        BlockMatrix y = t.label().orElseThrow();
        double[] ww = x.T().matmul(x).plus(ws.wren().eye(d.cols, block).times(LAMBDA)).solve(x.T().matmul(y)).toColumn();
        Time wren = Time.since(t0);
        delete(ws, t);
        return new Result("gram+ridge", d.size(), mllib, wren, vectorCheck(wm, expected, 1e-10), vectorCheck(ww, expected, 1e-10));
    }

    static Result linearRegression(WrenSpark ws, Data d, int block) {
        double[] expected = Dense.solve(d.normal(0));
        long[] t0 = Time.start();
        String[] xs = new String[d.cols];
        for (int c = 0; c < d.cols; c++) {
            xs[c] = "x" + c;
        }
        Dataset<Row> assembled = new VectorAssembler().setInputCols(xs).setOutputCol("features").transform(d.df);
        LinearRegressionModel model = new LinearRegression().setSolver("normal").setRegParam(0).setFitIntercept(false)
                .setStandardization(false).setLabelCol("y").setFeaturesCol("features").fit(assembled);
        double[] wm = model.coefficients().toArray();
        Time mllib = Time.since(t0);
        t0 = Time.start();
        LoadedTable t = ws.load(d.df, d.options(block));
        BlockMatrix x = t.features();
        double[] ww = x.gram().solve(x.T().matmul(t.label().orElseThrow())).toColumn();
        Time wren = Time.since(t0);
        delete(ws, t);
        return new Result("linreg-normal", d.size(), mllib, wren, vectorCheck(wm, expected, 1e-8), vectorCheck(ww, expected, 1e-8));
    }

    static Result tallSkinnyQr(WrenSpark ws, Data d, int block) {
        long[] t0 = Time.start();
        String[] xs = new String[d.cols];
        for (int c = 0; c < d.cols; c++) {
            xs[c] = "x" + c;
        }
        Matrix r = new RowMatrix(vectors(d.df.select(xs[0], java.util.Arrays.copyOfRange(xs, 1, xs.length)), d.cols).rdd()).tallSkinnyQR(false).R();
        Time mllib = Time.since(t0);
        double[][] rm = new double[d.cols][d.cols];
        for (int i = 0; i < d.cols; i++) {
            for (int j = 0; j < d.cols; j++) {
                rm[i][j] = r.apply(i, j);
            }
        }
        t0 = Time.start();
        LoadedTable t = ws.load(d.df, d.featuresOnly(block));
        double[][] rw = t.features().qr().toArray();
        Time wren = Time.since(t0);
        delete(ws, t);
        return new Result("tsqr", d.size(), mllib, wren, rCheck(rm, d), rCheck(rw, d));
    }

    static Result gemm(WrenSpark ws, int n, int blk, int parts) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ws.spark().sparkContext());
        org.apache.spark.mllib.linalg.distributed.BlockMatrix a = GemmInputs.matrix(jsc, n, blk, 0, parts);
        org.apache.spark.mllib.linalg.distributed.BlockMatrix b = GemmInputs.matrix(jsc, n, blk, 1, parts);
        a.blocks().count();
        b.blocks().count();
        long[] sample = {0, n / 3, n - 1};
        long[] t0 = Time.start();
        org.apache.spark.mllib.linalg.distributed.BlockMatrix cm = a.multiply(b).cache();
        cm.blocks().count();
        Time mllib = Time.since(t0);
        t0 = Time.start();
        BlockMatrix cw = MllibMatrices.fromMllib(ws, a).matmul(MllibMatrices.fromMllib(ws, b)).compute();
        Time wren = Time.since(t0);
        double errM = 0;
        double errW = 0;
        for (long i : sample) {
            double[][] ref = GemmInputs.referenceRow(n, i);
            errM = Math.max(errM, GemmInputs.rowError(GemmInputs.row(cm, i, n), ref));
            errW = Math.max(errW, GemmInputs.rowError(cw.slice(i, i + 1, 0, n).toArray()[0], ref));
        }
        cm.blocks().unpersist(true);
        a.blocks().unpersist(true);
        b.blocks().unpersist(true);
        ws.wren().delete(cw.name());
        return new Result("gemm", n + "x" + n, mllib, wren, new Check(errM, GemmInputs.TOLERANCE), new Check(errW, GemmInputs.TOLERANCE));
    }

    /** Two n x n inputs for GEMM as MLlib block matrices, element (i, k) from {@link Gen} (seeded by which), built by the executors. */
    static final class GemmInputs {
        /** Each element of C within this multiple of sum_k |A_ik B_kj| of the reference. */
        static final double TOLERANCE = 1e-12;

        private GemmInputs() {
        }

        static double value(int which, long i, long k) {
            return Gen.value(i * 7919 + k, (int) ((k + which * 31) % 64));
        }

        static org.apache.spark.mllib.linalg.distributed.BlockMatrix matrix(JavaSparkContext jsc, int n, int blk, int which, int parts) {
            int nb = (n + blk - 1) / blk;
            var ids = new ArrayList<Integer>();
            for (int t = 0; t < nb * nb; t++) {
                ids.add(t);
            }
            JavaRDD<Tuple2<Tuple2<Object, Object>, Matrix>> blocks = jsc.parallelize(ids, Math.min(parts, ids.size())).map(t -> {
                int bi = t / nb;
                int bj = t % nb;
                int rows = Math.min(blk, n - bi * blk);
                int cols = Math.min(blk, n - bj * blk);
                double[] v = new double[rows * cols];
                for (int j = 0; j < cols; j++) {
                    for (int i = 0; i < rows; i++) {
                        v[j * rows + i] = value(which, (long) bi * blk + i, (long) bj * blk + j);
                    }
                }
                return new Tuple2<>(new Tuple2<>(bi, bj), (Matrix) new DenseMatrix(rows, cols, v));
            });
            return new org.apache.spark.mllib.linalg.distributed.BlockMatrix(blocks.rdd(), blk, blk, n, n).cache();
        }

        /** Row i of C = A B and of |A| |B|, in plain Java. */
        static double[][] referenceRow(int n, long i) {
            double[] c = new double[n];
            double[] abs = new double[n];
            for (int k = 0; k < n; k++) {
                double aik = value(0, i, k);
                for (int j = 0; j < n; j++) {
                    double bkj = value(1, k, j);
                    c[j] += aik * bkj;
                    abs[j] += Math.abs(aik * bkj);
                }
            }
            return new double[][] {c, abs};
        }

        static double rowError(double[] got, double[][] ref) {
            double worst = got.length == ref[0].length ? 0 : Double.NaN;
            for (int j = 0; j < got.length; j++) {
                worst = Math.max(worst, Math.abs(got[j] - ref[0][j]) / ref[1][j]);
                if (Double.isNaN(got[j])) {
                    return Double.NaN;
                }
            }
            return worst;
        }

        /** Row i of an MLlib block matrix: only the blocks of its block row travel to the driver. */
        static double[] row(org.apache.spark.mllib.linalg.distributed.BlockMatrix m, long i, int n) {
            int blk = m.rowsPerBlock();
            int bi = (int) (i / blk);
            int r = (int) (i % blk);
            double[] out = new double[n];
            List<Tuple2<Integer, double[]>> parts = m.blocks().toJavaRDD().filter(b -> (Integer) b._1()._1() == bi).map(b -> {
                Matrix x = b._2();
                double[] v = new double[x.numCols()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = x.apply(r, j);
                }
                return new Tuple2<>((Integer) b._1()._2(), v);
            }).collect();
            for (Tuple2<Integer, double[]> p : parts) {
                System.arraycopy(p._2(), 0, out, p._1() * m.colsPerBlock(), p._2().length);
            }
            return out;
        }
    }

    /** The first {@code width} columns of each row as MLlib vectors. */
    static JavaRDD<Vector> vectors(Dataset<Row> df, int width) {
        return df.javaRDD().map(row -> {
            double[] v = new double[width];
            for (int c = 0; c < width; c++) {
                v[c] = row.getDouble(c);
            }
            return Vectors.dense(v);
        });
    }

    /** max_i |got_i - expected_i| / max_i |expected_i|. */
    static Check vectorCheck(double[] got, double[] expected, double tolerance) {
        if (got.length != expected.length) {
            return new Check(Double.NaN, tolerance);
        }
        double err = 0;
        double scale = 0;
        for (int i = 0; i < got.length; i++) {
            err = Math.max(err, Math.abs(got[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
            if (Double.isNaN(got[i])) {
                return new Check(Double.NaN, tolerance);
            }
        }
        return new Check(err / scale, tolerance);
    }

    /** R of X = QR checked by R^T R against the reference X^T X: max |(R^T R - G)_ij| / max |G_ij|, and R upper triangular. */
    static Check rCheck(double[][] r, Data d) {
        int n = d.cols;
        if (r.length != n || r[0].length != n) {
            return new Check(Double.NaN, 1e-12);
        }
        double err = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i > j && r[i][j] != 0) {
                    return new Check(Double.NaN, 1e-12);
                }
                double s = 0;
                for (int k = 0; k <= Math.min(i, j); k++) {
                    s += r[k][i] * r[k][j];
                }
                err = Math.max(err, Math.abs(s - d.gram[i][j]));
                scale = Math.max(scale, Math.abs(d.gram[i][j]));
            }
        }
        return new Check(err / scale, 1e-12);
    }

    /** Small dense solves in plain Java: Gaussian elimination with partial pivoting on an augmented matrix. */
    static final class Dense {
        private Dense() {
        }

        static double[] solve(double[][] augmented) {
            int n = augmented.length;
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) {
                a[i] = augmented[i].clone();
            }
            for (int k = 0; k < n; k++) {
                int p = k;
                for (int i = k + 1; i < n; i++) {
                    if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                        p = i;
                    }
                }
                double[] t = a[k];
                a[k] = a[p];
                a[p] = t;
                for (int i = k + 1; i < n; i++) {
                    double f = a[i][k] / a[k][k];
                    for (int j = k; j <= n; j++) {
                        a[i][j] -= f * a[k][j];
                    }
                }
            }
            double[] w = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = a[i][n];
                for (int j = i + 1; j < n; j++) {
                    s -= a[i][j] * w[j];
                }
                w[i] = s / a[i][i];
            }
            return w;
        }
    }

    static String table(List<Result> results) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-14s %-14s %9s %9s %14s %9s %9s %10s %10s %8s%n", "case", "size", "MLlib s", "wren4j s", "MLlib/wren4j", "MLlib cpu", "wren cpu",
                "MLlib err", "wren4j err", "tol"));
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "%-14s %-14s %9.2f %9.2f %14.2f %9.1f %9.1f %10.1e %10.1e %8.0e%s%n", r.name, r.size, r.mllibSeconds(), r.wrenSeconds(),
                    r.mllibSeconds() / r.wrenSeconds(), r.mllibTime.cpuSeconds, r.wrenTime.cpuSeconds, r.mllib.error, r.wren.error, r.wren.tolerance,
                    r.mllib.ok() && r.wren.ok() ? "" : "  FAILED" + (r.mllib.ok() ? "" : " mllib") + (r.wren.ok() ? "" : " wren4j")));
        }
        return sb.toString();
    }

    private static void delete(WrenSpark ws, LoadedTable t) {
        ws.wren().delete(t.features().name());
        t.label().ifPresent(l -> ws.wren().delete(l.name()));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
