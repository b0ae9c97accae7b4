package example;

import java.nio.file.Path;
import java.util.Locale;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.ServiceEndpoints;
import org.wren4j.api.Wren;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.Tables;

/**
 * A dependent's whole use of wren4j: ridge regression of a digit's value on its 64 pixels.
 * Arguments: the Parquet file, then either nothing (the embedded default) or the services'
 * Redis URI, SQS endpoint, S3 endpoint and bucket. Prints the weights on one line.
 */
public final class RidgeApp {
    private static final int BLOCK = 512;
    private static final double LAMBDA = 10.0;

    public static void main(String[] args) {
        Wren.Builder builder = Wren.builder().workers(2);
        if (args.length == 5) {
            builder.services(ServiceEndpoints.of(args[1], args[2], args[3], args[4]));
        }
        try (Wren wren = builder.build()) {
            LoadedTable table = Tables.load(wren, Path.of(args[0]),
                    LoadOptions.builder().columnsMatching("pixel_*").label("target").blockSize(BLOCK).build());
            BlockMatrix x = table.features();
            BlockMatrix y = table.label().orElseThrow();
            BlockMatrix ridge = x.T().matmul(x).plus(wren.eye(table.columnNames().size(), BLOCK).times(LAMBDA));
            double[][] w = ridge.solve(x.T().matmul(y)).toArray();
            StringBuilder line = new StringBuilder("weights");
            for (double[] row : w) {
                line.append(' ').append(String.format(Locale.ROOT, "%.17g", row[0]));
            }
            System.out.println(line);
        }
    }
}
