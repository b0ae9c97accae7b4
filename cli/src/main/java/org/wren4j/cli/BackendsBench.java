package org.wren4j.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;

/**
 * {@code wren4j bench backends --op cholesky|gemm --n N [--block B] [--workers W] [--reps R] <services flags>}:
 * the same job on the embedded backend and on the services, from one client process, so both
 * sides share the JVM, the machine and its noise. Each side gets its own input matrix (in its
 * own store) and one warm-up job, reported but left out of the medians: a client that runs its
 * first job pays for connecting and for compiling the queue, state and S3 client code, a cost a
 * notebook or an ETL job pays once. Repetitions alternate which backend goes first. Each line
 * also says whether both backends computed the same result (kernels are deterministic with one
 * BLAS thread, so they should agree bit for bit).
 */
final class BackendsBench {
    static final String USAGE = "bench backends --op cholesky|gemm --n N [--block B] [--workers W] [--reps R] [--force] "
            + "--redis URI --sqs URL --s3 URL --bucket NAME";
    /** Its own options and the services flags of {@link Backend}. */
    static final Set<String> OPTIONS = options();

    private BackendsBench() {
    }

    private static Set<String> options() {
        var all = new HashSet<>(Set.of("op", "n", "block", "workers", "reps", "seed"));
        all.addAll(Backend.OPTIONS);
        return Set.copyOf(all);
    }

    /** One backend's session with its inputs. */
    private record Side(String backend, Wren wren, BlockMatrix a, BlockMatrix b) implements AutoCloseable {
        @Override
        public void close() {
            wren.close();
        }
    }

    /** One job: its wall seconds and a checksum of its result. */
    private record Run(double seconds, long tasks, double checksum) {
    }

    static int run(Args args, PrintStream out, PrintStream err) {
        String op = args.string("op", "cholesky");
        if (!op.equals("cholesky") && !op.equals("gemm")) {
            throw new UsageException("bench backends runs --op cholesky or --op gemm, got '" + op + "'");
        }
        if (!args.has("n")) {
            throw new UsageException("bench backends needs --n");
        }
        if (args.has("backend") && !args.string("backend", "").equals("services")) {
            throw new UsageException("bench backends compares embedded with services: --backend does not apply");
        }
        long n = args.positiveLong("n", 0);
        int block = args.positiveInt("block", (int) Math.min(2048, n));
        int workers = args.positiveInt("workers", Runtime.getRuntime().availableProcessors());
        int reps = args.positiveInt("reps", 3);
        long seed = args.anyLong("seed", 42);
        BlockRule.check("bench backends", op, n, n, n, block, args.flag("force"), err);
        Backend services = Backend.from(args, "services");
        Backend embedded = Backend.embedded();
        try (Side e = open("embedded", embedded, op, n, block, workers, seed);
             Side s = open("services", services, op, n, block, workers, seed)) {
            var ratios = new double[reps];
            var embeddedSeconds = new double[reps];
            var servicesSeconds = new double[reps];
            for (int r = -1; r < reps; r++) {
                boolean embeddedFirst = r % 2 != 0;
                Run first = job(embeddedFirst ? e : s, op);
                Run second = job(embeddedFirst ? s : e, op);
                Run re = embeddedFirst ? first : second;
                Run rs = embeddedFirst ? second : first;
                var line = new Json().put("bench", "backends").put("op", op).put("n", n).put("block", block).put("workers", workers);
                line.put("rep", r < 0 ? "warm-up" : Integer.toString(r));
                line.put("embedded_seconds", RunCommand.round(re.seconds(), 4)).put("services_seconds", RunCommand.round(rs.seconds(), 4))
                        .put("ratio", RunCommand.round(rs.seconds() / re.seconds(), 3)).put("tasks", re.tasks())
                        .put("same_result", re.checksum() == rs.checksum());
                out.println(line);
                if (r >= 0) {
                    ratios[r] = rs.seconds() / re.seconds();
                    embeddedSeconds[r] = re.seconds();
                    servicesSeconds[r] = rs.seconds();
                }
            }
            out.println(new Json().put("bench", "backends").put("op", op).put("n", n).put("block", block).put("workers", workers)
                    .put("reps", reps).put("median_embedded_seconds", RunCommand.round(median(embeddedSeconds), 4))
                    .put("median_services_seconds", RunCommand.round(median(servicesSeconds), 4))
                    .put("median_ratio", RunCommand.round(median(ratios), 3)));
        }
        return 0;
    }

    private static Side open(String name, Backend backend, String op, long n, int block, int workers, long seed) {
        // with services, its inputs and results are scratch: the bench leaves nothing in the bucket
        Wren wren = backend.configure(Wren.builder().workers(workers).blockSize(block)).build();
        try {
            BlockMatrix a = op.equals("cholesky") ? wren.randomSpd(n, block, seed) : wren.random(n, n, block, seed);
            BlockMatrix b = op.equals("gemm") ? wren.random(n, n, block, seed + 1) : null;
            return new Side(name, wren, a, b);
        } catch (RuntimeException e) {
            wren.close();
            throw e;
        }
    }

    private static Run job(Side side, String op) {
        BlockMatrix x = op.equals("cholesky") ? side.a().cholesky().compute() : side.a().matmul(side.b()).compute();
        JobReport j = side.wren().lastJob().orElseThrow();
        double checksum = x.sum().scalar();
        side.wren().delete(x.name());
        return new Run(j.seconds(), j.tasks(), checksum);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
