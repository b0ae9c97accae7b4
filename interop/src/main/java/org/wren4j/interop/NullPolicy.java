package org.wren4j.interop;

/**
 * What a load does with a null in a column it loads (feature or label).
 *
 * <ul>
 *   <li>{@link #fail()} (the default): stop with an {@link InteropException} naming the source,
 *       the column and the row;</li>
 *   <li>{@link #fill(double)}: use the value instead (a null category of a one-hot column becomes
 *       all zeros);</li>
 *   <li>{@link #dropRow()}: leave the whole row out of the matrix (and the label).</li>
 * </ul>
 * Nulls in columns the load does not read never matter.
 */
public record NullPolicy(Action action, double fillValue) {
    /** The three ways to treat a null. */
    public enum Action { FAIL, FILL, DROP_ROW }

    private static final NullPolicy FAIL = new NullPolicy(Action.FAIL, Double.NaN);
    private static final NullPolicy DROP = new NullPolicy(Action.DROP_ROW, Double.NaN);

    public NullPolicy {
        if (action == null) {
            throw new IllegalArgumentException("action is null");
        }
    }

    public static NullPolicy fail() {
        return FAIL;
    }

    /** Replace a null by {@code value} (NaN is allowed). */
    public static NullPolicy fill(double value) {
        return new NullPolicy(Action.FILL, value);
    }

    public static NullPolicy dropRow() {
        return DROP;
    }

    /**
     * Parses {@code fail}, {@code drop} or {@code fill:<number>} (e.g. {@code fill:0}, {@code fill:NaN}),
     * the forms a command line takes; {@link #toString()} prints the same forms.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static NullPolicy parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("fail")) {
            return fail();
        }
        if (t.equals("drop")) {
            return dropRow();
        }
        if (t.startsWith("fill:")) {
            try {
                return fill(Double.parseDouble(t.substring(5)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("null policy '" + text + "': '" + t.substring(5) + "' is not a number");
            }
        }
        throw new IllegalArgumentException("null policy '" + text + "' is not one of: fail, drop, fill:<number>");
    }

    @Override
    public String toString() {
        return switch (action) {
            case FAIL -> "fail";
            case FILL -> "fill:" + fillValue;
            case DROP_ROW -> "drop";
        };
    }
}
