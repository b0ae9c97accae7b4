package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesFieldsInInsertionOrderOnOneLine() {
        String line = new Json().put("z", 1).put("a", 2.5).put("ok", true).put("name", "x").put("none", null).toString();
        assertThat(line).isEqualTo("{\"z\": 1, \"a\": 2.5, \"ok\": true, \"name\": \"x\", \"none\": null}");
    }

    @Test
    void nonFiniteNumbersAreNullAndListsAreArrays() {
        assertThat(new Json().put("nan", Double.NaN).put("inf", Double.NEGATIVE_INFINITY).put("l", List.of(1L, "b", Double.NaN)).toString())
                .isEqualTo("{\"nan\": null, \"inf\": null, \"l\": [1, \"b\", null]}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(new Json().put("k\"", "a\\b\n\t\u0001").toString()).isEqualTo("{\"k\\\"\": \"a\\\\b\\n\\t\\u0001\"}");
        assertThat(new Json().toString()).isEqualTo("{}");
    }
}
