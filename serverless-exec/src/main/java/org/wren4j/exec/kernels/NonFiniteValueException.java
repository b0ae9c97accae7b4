package org.wren4j.exec.kernels;

import static java.util.Objects.requireNonNull;

/**
 * A factorization or solve kernel met NaN or an infinity: in one of its input tiles, or, with
 * every input finite, in a result (an overflow inside the kernel). The input's fault, like any
 * {@link KernelFailure}: the job fails at once. Callers that know which stored tiles the kernel
 * read name them from {@link #site()}, {@link #row()} and {@link #column()}.
 */
public final class NonFiniteValueException extends KernelFailure {
    /** Where the value is: the p-th input tile of the kernel, or its p-th result. */
    public sealed interface Site permits Input, Result {
        int index();
    }

    /** The {@code index}-th input tile held the value. */
    public record Input(int index) implements Site {
    }

    /** The {@code index}-th result held the value though every input was finite: an overflow. */
    public record Result(int index) implements Site {
    }

    private final String kernel;
    private final Site site;
    private final int row;
    private final int column;
    private final double value;

    NonFiniteValueException(String kernel, Site site, int row, int column, double value) {
        super(kernel + ": " + sentence(site, (site instanceof Input ? "tile " : "") + site.index(), "", row, column, value, kernel));
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.site = site;
        this.row = row;
        this.column = column;
        this.value = value;
    }

    public String kernel() {
        return kernel;
    }

    public Site site() {
        return site;
    }

    /** Row of the value within its tile (0-based). */
    public int row() {
        return row;
    }

    /** Column of the value within its tile (0-based). */
    public int column() {
        return column;
    }

    public double value() {
        return value;
    }

    /**
     * The cause as one clause, naming the tile as {@code tile} (e.g. "tile (1, 0) of a") and adding
     * {@code element} after the position (e.g. " (element (5, 2) of a)", or ""): "input tile (1, 0)
     * of a holds NaN at row 1, column 2 of the tile (element (5, 2) of a); chol takes finite values
     * only" or "overflow: result ... holds +Inf at row 0, column 0 of the tile though every input is finite".
     */
    public String describe(String tile, String element) {
        return sentence(site, tile, element, row, column, value, kernel);
    }

    private static String sentence(Site site, String tile, String element, int row, int column, double value, String kernel) {
        String what = Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        String at = " holds " + what + " at row " + row + ", column " + column + " of the tile" + element;
        return site instanceof Input
                ? "input " + tile + at + "; " + kernel + " takes finite values only"
                : "overflow: result " + tile + at + " though every input is finite";
    }
}
