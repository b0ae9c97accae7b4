package org.wren4j.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wren4j.exec.JobResult;
import org.wren4j.exec.job.JobMetrics;
import org.wren4j.exec.job.TaskSpan;

/** The one mapping of the engine's job result to the user's {@link JobReport}. */
final class JobReports {
    private JobReports() {
    }

    static JobReport of(JobResult r) {
        var m = r.metrics();
        long zero = zero(m);
        return new JobReport(r.jobId(), r.operation(), r.tasks(), r.executions(), r.seconds(), r.workerSeconds(),
                m.peakWorkers(), m.bytesRead(), m.bytesWritten(), m.readSeconds(), m.computeSeconds(), m.writeSeconds(),
                m.temporaryBytesWritten(), m.peakLiveTemporaryBytes(), m.temporaryTilesCollected(), m.repeatedExecutions(),
                timeline(m.spans(), zero), activity(m, m.startMicros() > 0 ? (m.startMicros() - zero) / 1e6 : 0));
    }

    /**
     * The job's time zero in wall-clock microseconds: its submission, or its first read if that
     * came before (a client that attached to a running job started its clock late) or the
     * submission is not known.
     */
    private static long zero(JobMetrics m) {
        long firstRead = m.spans().stream().mapToLong(TaskSpan::readStart).min().orElse(Long.MAX_VALUE);
        long start = m.startMicros() > 0 ? m.startMicros() : Long.MAX_VALUE;
        long zero = Math.min(firstRead, start);
        return zero == Long.MAX_VALUE ? 0 : zero;
    }

    /** Worker and queue samples merged in time, each carrying the other's last value forward; {@code shift} seconds later. */
    static List<ActivitySample> activity(JobMetrics m, double shift) {
        record Event(double seconds, int workers, long queued) {
        }
        var events = new ArrayList<Event>();
        m.workerTimeline().forEach(w -> events.add(new Event(w.seconds() + shift, w.workers(), Long.MIN_VALUE)));
        m.queueTimeline().forEach(q -> events.add(new Event(q.seconds() + shift, -1, q.queued())));
        events.sort(Comparator.comparingDouble(Event::seconds));
        var out = new ArrayList<ActivitySample>();
        int workers = 0;
        long queued = -1;
        for (Event e : events) {
            workers = e.workers() >= 0 ? e.workers() : workers;
            queued = e.queued() != Long.MIN_VALUE ? e.queued() : queued;
            if (!out.isEmpty() && out.get(out.size() - 1).seconds() == e.seconds()) {
                out.set(out.size() - 1, new ActivitySample(e.seconds(), workers, queued));
            } else {
                out.add(new ActivitySample(e.seconds(), workers, queued));
            }
        }
        return out;
    }

    /** Spans in wall-clock microseconds as timings in seconds from {@code t0}, in order of their computations. */
    static List<TaskTiming> timeline(List<TaskSpan> spans, long t0) {
        return spans.stream().sorted(Comparator.comparingLong(TaskSpan::computeStart))
                .map(s -> new TaskTiming(s.worker(), s.task(), s.kernel(), sec(s.readStart(), t0), sec(s.readEnd(), t0),
                        sec(s.computeStart(), t0), sec(s.computeEnd(), t0), sec(s.writeEnd(), t0)))
                .toList();
    }

    private static double sec(long micros, long t0) {
        return (micros - t0) / 1e6;
    }
}
