package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The session's jobs on the embedded default: listed after they ran, collected, unknown ids named. */
class JobsTest {
    @Test
    void finishedJobsAreListedThenCollectedAndTheirResultsStay() {
        try (Wren wren = Wren.builder().workers(2).build()) {
            BlockMatrix l = wren.randomSpd(200, 64, 5).cholesky().compute();
            String job = wren.lastJob().orElseThrow().jobId();
            assertThat(wren.jobs().list()).singleElement().satisfies(j -> {
                assertThat(j.jobId()).isEqualTo(job);
                assertThat(j.operation()).contains("cholesky");
                assertThat(j.finished()).isTrue();
                assertThat(j.outputs()).containsExactly(l.name());
            });
            assertThat(wren.jobs().status(job)).isPresent();
            assertThat(wren.jobs().collect()).containsExactly(job);
            assertThat(wren.jobs().list()).isEmpty();
            assertThat(l.toArray()[199][199]).isPositive(); // the result stays
        }
    }

    @Test
    void anUnknownJobIsNamedWithTheJobsThere() {
        try (Wren wren = Wren.builder().workers(1).build()) {
            assertThat(wren.jobs().status("nope")).isEmpty();
            assertThatThrownBy(() -> wren.jobs().cancel("nope")).isInstanceOf(WrenException.class)
                    .hasMessage("no job nope is stored in memory (prefix wren4j) (jobs there: [])");
            assertThatThrownBy(() -> wren.jobs().attach("nope")).isInstanceOf(WrenException.class)
                    .hasMessageStartingWith("no job nope is stored in memory");
        }
    }
}
