package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void commandLineFormsParse() {
        assertThat(NullPolicy.parse("fail")).isEqualTo(NullPolicy.fail());
        assertThat(NullPolicy.parse("drop")).isEqualTo(NullPolicy.dropRow());
        assertThat(NullPolicy.parse("fill:-1.5")).isEqualTo(NullPolicy.fill(-1.5));
        assertThat(NullPolicy.parse("fill:NaN").fillValue()).isNaN();
        assertThat(NullPolicy.parse(NullPolicy.fill(2).toString())).isEqualTo(NullPolicy.fill(2));
        assertThatThrownBy(() -> NullPolicy.parse("fill:x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> NullPolicy.parse("skip")).hasMessageContaining("fail, drop, fill:<number>");

        assertThat(ColumnSelector.parse("price")).isEqualTo(new ColumnSelector.Name("price"));
        assertThat(ColumnSelector.parse("pixel_*")).isEqualTo(new ColumnSelector.Glob("pixel_*"));
        assertThat(ColumnSelector.parse("kind:integer")).isEqualTo(new ColumnSelector.OfKind(EnumSet.of(ColumnKind.INTEGER)));
        assertThat(((ColumnSelector.OfKind) ColumnSelector.parse("kind:numeric")).kinds())
                .containsExactlyInAnyOrder(ColumnKind.INTEGER, ColumnKind.FLOATING, ColumnKind.DECIMAL, ColumnKind.BOOLEAN);
        assertThatThrownBy(() -> ColumnSelector.parse("kind:date")).hasMessageContaining("unknown column kind 'date'");
        assertThatThrownBy(() -> ColumnSelector.parse("kind:other")).hasMessageContaining("OTHER cannot be loaded");
    }

    @Test
    void optionsAreImmutableAndMutateCopies() {
        LoadOptions o = LoadOptions.builder().columns("a").oneHot("c", List.of("x", "y")).label("y", List.of("p", "q"))
                .nullPolicy(NullPolicy.dropRow()).blockSize(64).build();
        LoadOptions p = o.mutate().columnsMatching("b*").blockSize(128).build();
        assertThat(o.columns()).containsExactly(new ColumnSelector.Name("a"));
        assertThat(p.columns()).containsExactly(new ColumnSelector.Name("a"), new ColumnSelector.Glob("b*"));
        assertThat(p.oneHot()).isEqualTo(o.oneHot());
        assertThat(p.labelClasses()).containsExactly("p", "q");
        assertThat(p.blockSize()).isEqualTo(128);
        assertThatThrownBy(() -> o.columns().add(new ColumnSelector.Name("z"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> LoadOptions.builder().oneHot("c", List.of("x", "x"))).hasMessageContaining("repeat a value");
        assertThatThrownBy(() -> LoadOptions.builder().blockSize(0)).hasMessageContaining("block size must be >= 1");
        assertThat(LoadOptions.defaults().nullPolicy()).isEqualTo(NullPolicy.fail());
    }
}
