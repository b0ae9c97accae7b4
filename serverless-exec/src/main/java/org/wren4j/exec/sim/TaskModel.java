package org.wren4j.exec.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;

/** How long a task takes in a simulation: {@link Calibration} from flops and tile I/O, or a fixed time. */
public interface TaskModel {
    TaskCost cost(JobSpec spec, ProgramAnalysis analysis, Node node);

    /** Every task computes for {@code time} and moves nothing: for hand-checked schedules. */
    static TaskModel fixed(Duration time) {
        requireNonNull(time, "time is null");
        if (time.isNegative()) {
            throw new IllegalArgumentException("task time must be >= 0, got " + time);
        }
        long nanos = time.toNanos();
        return (spec, analysis, node) -> new TaskCost(0, nanos, 0, 0, 0, 0, 0, 0);
    }
}
