package org.wren4j.exec.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Prices in US dollars that turn a simulated job into a bill: function workers billed per
 * GB-second of memory they hold while alive and per invocation; object-store GETs and PUTs;
 * queue requests; the state store's node for the job's duration (prorated); and, to compare, an
 * always-on cluster billed per core-hour.
 *
 * <p>{@link #defaults()} are AWS us-east-1 on-demand list prices as published in 2024 (see
 * {@link #SOURCE}); prices change, so load current ones with {@link #load}.
 *
 * @param lambdaGbSecond     Lambda (x86) per GB-second
 * @param lambdaRequest      Lambda per invocation
 * @param lambdaMemoryMb     memory of one worker function, MB (1,769 MB buys one full vCPU)
 * @param s3Get              S3 Standard per GET
 * @param s3Put              S3 Standard per PUT
 * @param sqsRequest         SQS standard queue per request
 * @param redisHour          one ElastiCache node per hour
 * @param clusterCoreHour    one core (vCPU) of an always-on EC2 cluster per hour
 */
public record Prices(double lambdaGbSecond, double lambdaRequest, double lambdaMemoryMb, double s3Get, double s3Put, double sqsRequest,
                     double redisHour, double clusterCoreHour) {
    /** Where the defaults come from, and when. */
    public static final String SOURCE = "AWS us-east-1 on-demand list prices, 2024: Lambda x86 $0.0000166667/GB-s and $0.20 per 1M requests;"
            + " S3 Standard $0.0004 per 1,000 GET, $0.005 per 1,000 PUT; SQS standard $0.40 per 1M requests;"
            + " ElastiCache cache.r6g.large $0.206/h; EC2 c5.large $0.085/h for 2 vCPU";

    private static final Map<String, Integer> KEYS = Map.of("lambda.gb_second", 0, "lambda.request", 1, "lambda.memory_mb", 2, "s3.get", 3,
            "s3.put", 4, "sqs.request", 5, "redis.hour", 6, "cluster.core_hour", 7);

    public Prices {
        double[] all = {lambdaGbSecond, lambdaRequest, lambdaMemoryMb, s3Get, s3Put, sqsRequest, redisHour, clusterCoreHour};
        for (double v : all) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("prices must be finite and >= 0, got " + v);
            }
        }
        if (lambdaMemoryMb <= 0) {
            throw new IllegalArgumentException("a worker's memory must be > 0 MB, got " + lambdaMemoryMb);
        }
    }

    public static Prices defaults() {
        return new Prices(0.0000166667, 0.20 / 1e6, 2048, 0.0004 / 1000, 0.005 / 1000, 0.40 / 1e6, 0.206, 0.085 / 2);
    }

    /**
     * The defaults overridden by a properties file with keys {@code lambda.gb_second},
     * {@code lambda.request}, {@code lambda.memory_mb}, {@code s3.get}, {@code s3.put},
     * {@code sqs.request}, {@code redis.hour}, {@code cluster.core_hour} (dollars per unit).
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException naming an unknown key or a value that is not a number >= 0
     */
    public static Prices load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prices " + file + ": " + e.getMessage(), e);
        }
        Prices d = defaults();
        double[] v = {d.lambdaGbSecond, d.lambdaRequest, d.lambdaMemoryMb, d.s3Get, d.s3Put, d.sqsRequest, d.redisHour, d.clusterCoreHour};
        Set<String> names = p.stringPropertyNames();
        for (String key : names) {
            Integer i = KEYS.get(key);
            if (i == null) {
                throw new IllegalArgumentException("prices " + file + ": unknown key '" + key + "' (known: " + KEYS.keySet() + ")");
            }
            String text = p.getProperty(key).trim();
            try {
                v[i] = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("prices " + file + ": " + key + " must be a number, got '" + text + "'", e);
            }
        }
        return new Prices(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** The bill of a simulated job. */
    public Cost cost(SimResult r) {
        double gbSeconds = r.coreSeconds() * lambdaMemoryMb / 1024;
        double lambda = gbSeconds * lambdaGbSecond + r.launches() * lambdaRequest;
        double s3 = r.requests().tileGets() * s3Get + r.requests().tilePuts() * s3Put;
        double sqs = r.requests().queue() * sqsRequest;
        double redis = r.seconds() / 3600 * redisHour;
        double cluster = r.peakWorkers() * r.seconds() / 3600 * clusterCoreHour;
        return new Cost(lambda, s3, sqs, redis, cluster);
    }

    /**
     * A simulated job's bill by service, and what an always-on cluster as large as the job's peak
     * of workers would cost for the job's duration (its storage and coordination not counted).
     */
    public record Cost(double lambda, double s3, double sqs, double redis, double cluster) {
        /** The serverless total: Lambda, S3, SQS and Redis. */
        public double total() {
            return lambda + s3 + sqs + redis;
        }
    }
}
