package org.wren4j.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages of the library in a CLI user's terms: where {@code api} or {@code interop} name the
 * Java method that fixes a problem (right for a Java caller), the CLI names its flag instead. The
 * library's messages stay as they are for Java users; this is the boundary where they change.
 */
final class UserTerms {
    private record Rewrite(Pattern java, String cli) {
        Rewrite(String regex, String cli) {
            this(Pattern.compile(regex), cli);
        }
    }

    private static final List<Rewrite> REWRITES = List.of(
            // interop ColumnPlan: a text column that was not asked to be one-hot encoded
            new Rewrite("load it one-hot encoded with oneHot\\(\"([^\"]*)\"\\)", "load it one-hot encoded with --one-hot $1"),
            // interop ColumnPlan: too many categories to one-hot encode
            new Rewrite("declare the categories to keep with oneHot\\(column, categories\\)",
                    "leave it out of --one-hot (and out of --columns)"),
            // interop ArrowSource: a one-pass stream cannot be read twice to find categories
            new Rewrite("declare them with oneHot\\(column, categories\\) or label\\(column, classes\\)",
                    "write the table as an Arrow file (.arrow) or Parquet, which can be read twice"),
            // interop RowAssembler: a null under the default policy
            new Rewrite("null policy 'fail'; choose NullPolicy\\.fill\\(value\\) or NullPolicy\\.dropRow\\(\\) to accept nulls",
                    "--nulls fail, the default; add --nulls fill:V or --nulls drop to accept nulls"),
            // interop RowAssembler: a NaN or infinity under the default policy
            new Rewrite("non-finite policy 'fail'; choose LoadOptions\\.nonFinite\\(NonFinitePolicy\\.ALLOW\\) to load it as it is",
                    "--non-finite fail, the default; add --non-finite allow to load it as it is"),
            // api MatrixSources: a matrix too large for the in-memory store
            new Rewrite("\\(Wren\\.builder\\(\\)\\.storeDirectory\\(dir\\), CLI --store DIR\\)", "(--store DIR)"),
            // exec ExecEngine: a stalled job
            new Rewrite("with the plan from explain\\(\\)", "with the command line that ran into it"));

    private UserTerms() {
    }

    /** {@code message} with the Java methods it names replaced by the CLI's flags; null stays null. */
    static String of(String message) {
        if (message == null) {
            return null;
        }
        String s = message;
        for (Rewrite r : REWRITES) {
            s = r.java().matcher(s).replaceAll(m -> Matcher.quoteReplacement(r.cli().replace("$1", m.groupCount() > 0 ? m.group(1) : "")));
        }
        return s;
    }
}
