package org.wren4j.api;

import java.util.Comparator;
import java.util.List;
import org.wren4j.exec.JobResult;
import org.wren4j.exec.job.TaskSpan;

/** The one mapping of the engine's job result to the user's {@link JobReport}. */
final class JobReports {
    private JobReports() {
    }

    static JobReport of(JobResult r) {
        var m = r.metrics();
        return new JobReport(r.jobId(), r.operation(), r.tasks(), r.executions(), r.seconds(), r.workerSeconds(),
                m.peakWorkers(), m.bytesRead(), m.bytesWritten(), m.readSeconds(), m.computeSeconds(), m.writeSeconds(),
                m.temporaryBytesWritten(), m.peakLiveTemporaryBytes(), m.temporaryTilesCollected(), m.repeatedExecutions(),
                timeline(m.spans()));
    }

    /** Spans in wall-clock microseconds as timings in seconds from the first read, in order of their computations. */
    static List<TaskTiming> timeline(List<TaskSpan> spans) {
        long t0 = spans.stream().mapToLong(TaskSpan::readStart).min().orElse(0);
        return spans.stream().sorted(Comparator.comparingLong(TaskSpan::computeStart))
                .map(s -> new TaskTiming(s.worker(), s.task(), s.kernel(), sec(s.readStart(), t0), sec(s.readEnd(), t0),
                        sec(s.computeStart(), t0), sec(s.computeEnd(), t0), sec(s.writeEnd(), t0)))
                .toList();
    }

    private static double sec(long micros, long t0) {
        return (micros - t0) / 1e6;
    }
}
