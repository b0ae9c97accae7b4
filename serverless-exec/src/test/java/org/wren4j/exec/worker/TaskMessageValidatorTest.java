package org.wren4j.exec.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wren4j.exec.job.JobKey;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.StoredTiles;

/** Task messages are checked against the program: every task is accepted, anything else refused with a reason. */
class TaskMessageValidatorTest {
    private static final JobSpec SPEC = new JobSpec("job-1", "cholesky", Programs.cholesky(),
            Map.of("N", 4L), Map.of(
                    "A", new MatrixBinding("A", 40, 40, 10, StoredTiles.ALL),
                    "O", new MatrixBinding("L", 40, 40, 10, StoredTiles.LOWER_TRIANGLE),
                    "S", MatrixBinding.temporary("tmp/job-1/S")));
    private static final JobRegistry.Entry JOB = new JobRegistry().register(SPEC, JobKey.generate(SPEC));

    private static TaskMessageValidator.Verdict check(String jobId, String key) {
        return TaskMessageValidator.validate(new TaskMessage(jobId, key, 0), JOB);
    }

    @Test
    void everyTaskOfTheProgramIsAccepted() {
        long[] count = {0};
        JOB.analysis().forEachTask(n -> {
            assertThat(check("job-1", n.key())).isEqualTo(new TaskMessageValidator.Accepted(n));
            count[0]++;
        });
        assertThat(count[0]).isEqualTo(JOB.analysis().taskCount()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s0:1000", "s0:-1", "s0:4", "s99:0", "s1:0,0", "s1:3", "s1:1,0", "s2:0,1,5", "s2:1,1,1", "s0:",
            "s0:1,2", "garbage", "s:1", "s0:x", "s-1:0", "s0:99999999999999999999"})
    void keysOutsideTheProgramAreRefusedWithAReason(String key) {
        TaskMessageValidator.Verdict v = check("job-1", key);
        assertThat(v).isInstanceOf(TaskMessageValidator.Refused.class);
        assertThat(((TaskMessageValidator.Refused) v).reason()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void aMessageOfAnotherJobIsRefused() {
        assertThat(check("job-2", new Node(0, 0).key())).isInstanceOf(TaskMessageValidator.Refused.class);
    }
}
