package org.wren4j.interop;

import java.util.Locale;

/**
 * What a load does with a NaN or an infinity in a numeric column it loads (feature or label).
 *
 * <ul>
 *   <li>{@link #FAIL} (the default): stop with an {@link InteropException} naming the source, the
 *       column and the row, since a factorization or solve over such a value gives no answer;</li>
 *   <li>{@link #ALLOW}: load the value as it is, bit for bit.</li>
 * </ul>
 * A NaN put in by {@link NullPolicy#fill(double)} is asked for, so it never fails; values in
 * columns the load does not read never matter.
 */
public enum NonFinitePolicy {
    FAIL, ALLOW;

    /**
     * Parses {@code fail} or {@code allow}, the forms a command line takes; {@link #toString()}
     * prints the same forms.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static NonFinitePolicy parse(String text) {
        String t = text == null ? "" : text.trim();
        for (NonFinitePolicy p : values()) {
            if (p.toString().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("non-finite policy '" + text + "' is not one of: fail, allow");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
