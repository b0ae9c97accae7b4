package org.wren4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.SimulationOptions;
import org.wren4j.api.SimulationReport;
import org.wren4j.api.Wren;

/**
 * {@code wren4j simulate <op> --n N --block B --workers W [--policy numpywren|static] [--sf F]
 * [--pipeline P] [--calibration FILE] [--prices FILE] [--profile PREFIX] [--json]}: one job on
 * an n x n matrix simulated in virtual time on up to W function workers; prints its time,
 * core-seconds and dollars and writes its parallelism profile as PREFIX.svg and PREFIX.csv.
 */
final class SimulateCommand {
    static final String USAGE = "usage: wren4j simulate cholesky|gemm|qr --n N --block B --workers W [--policy numpywren|static] [--sf F]"
            + " [--pipeline P] [--calibration FILE] [--prices FILE] [--profile PREFIX] [--json]";
    private static final List<String> OPS = List.of("cholesky", "gemm", "qr");

    private SimulateCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("n", "block", "workers", "policy", "sf", "pipeline", "calibration", "prices", "profile"), Set.of("json"));
        if (args.positional().size() != 1 || !OPS.contains(args.positional().get(0))) {
            throw new UsageException("simulate takes one operation (one of " + OPS + ")");
        }
        String op = args.positional().get(0);
        for (String needed : List.of("n", "block", "workers")) {
            if (!args.has(needed)) {
                throw new UsageException("simulate " + op + " needs --" + needed);
            }
        }
        long n = args.positiveLong("n", 0);
        int block = args.positiveInt("block", 0);
        int workers = args.positiveInt("workers", 0);
        String policy = args.string("policy", "numpywren");
        double sf = switch (policy) {
            case "numpywren" -> args.has("sf") ? fraction(args.string("sf", "1")) : 1;
            case "static" -> 0;
            default -> throw new UsageException("--policy must be numpywren or static, got '" + policy + "'");
        };
        SimulationOptions options = new SimulationOptions(workers, sf, args.positiveInt("pipeline", 1),
                Optional.empty(), Optional.empty());
        if (args.has("calibration")) {
            options = options.withCalibration(Path.of(args.string("calibration", "")));
        }
        if (args.has("prices")) {
            options = options.withPrices(Path.of(args.string("prices", "")));
        }
        String prefix = args.string("profile", "simulate-" + op + "-" + n + "-" + block + "-" + workers);
        SimulationReport r;
        try (Wren wren = Wren.builder().workers(1).build()) {
            r = wren.simulate(options, job(wren, op, n, block));
        }
        r.writeProfileSvg(Path.of(prefix + ".svg"), op + " n=" + n + " block=" + block + ", " + r.policy() + ", up to " + workers + " workers");
        r.writeProfileCsv(Path.of(prefix + ".csv"));
        if (args.flag("json")) {
            out.println(String.format(Locale.ROOT, "{\"op\":%s,\"n\":%d,\"block\":%d,\"workers\":%d,\"policy\":%s,\"seconds\":%.3f,"
                            + "\"core_seconds\":%.1f,\"busy_core_seconds\":%.1f,\"dollars\":%.4f,\"cluster_dollars\":%.4f,\"tasks\":%d,"
                            + "\"peak_workers\":%d,\"launches\":%d,\"profile\":%s}",
                    Json.quote(op), n, block, workers, Json.quote(r.policy()), r.seconds(), r.coreSeconds(), r.busyCoreSeconds(), r.dollars(),
                    r.clusterDollars(), r.tasks(), r.peakWorkers(), r.launches(), Json.quote(prefix + ".svg")));
        } else {
            out.println(r);
            out.println("profile: " + prefix + ".svg, " + prefix + ".csv");
        }
        return 0;
    }

    private static BlockMatrix job(Wren wren, String op, long n, int block) {
        BlockMatrix a = wren.placeholder(n, n, block);
        return switch (op) {
            case "cholesky" -> a.asSpd().cholesky();
            case "gemm" -> a.matmul(wren.placeholder(n, n, block));
            case "qr" -> a.qr();
            default -> throw new UsageException("unknown operation '" + op + "'");
        };
    }

    /** A number or a fraction such as 1/4. */
    private static double fraction(String s) {
        try {
            int slash = s.indexOf('/');
            double v = slash < 0 ? Double.parseDouble(s) : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--sf must be a number or fraction above 0 (e.g. 1/4), got '" + s + "'");
    }
}
