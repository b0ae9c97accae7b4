package org.wren4j.exec.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobFailure.Kind;
import org.wren4j.exec.job.JobFailure.Place;

class JobFailureTest {
    @Test
    void encodedFailuresComeBackWhole() {
        var withElement = new JobFailure(Kind.NON_FINITE, "NaN in an input, \"quoted\" and a\\backslash",
                Optional.of(new Place("s1/m2", 1, 0, 5, 2)), "cholesky failed at task O[1, 0] = trsm(...): {braces}, commas");
        var tileOnly = new JobFailure(Kind.SINGULAR, "not positive definite", Optional.of(new Place("x", 3, 3, -1, -1)), "detail");
        var nowhere = JobFailure.of(Kind.STORAGE, "tiles could not be read");
        for (JobFailure f : new JobFailure[] {withElement, tileOnly, nowhere}) {
            assertThat(JobFailure.decode(f.encode())).isEqualTo(f);
        }
        assertThat(tileOnly.place().orElseThrow().hasElement()).isFalse();
    }

    @Test
    void anyOtherTextIsAPlainFailureWithThatText() {
        for (String s : new String[] {"gemm failed at task s0:1", "{not json", "{\"a\": \"b\"}", "{\"failure\": \"1\", \"kind\": \"NOPE\"}"}) {
            JobFailure f = JobFailure.decode(s);
            assertThat(f.kind()).isEqualTo(Kind.FAILED);
            assertThat(f.detail()).isEqualTo(s);
            assertThat(f.place()).isEmpty();
        }
    }
}
