package org.wren4j.api;

import org.wren4j.exec.JobResult;

/** The one mapping of the engine's job result to the user's {@link JobReport}. */
final class JobReports {
    private JobReports() {
    }

    static JobReport of(JobResult r) {
        var m = r.metrics();
        return new JobReport(r.jobId(), r.operation(), r.tasks(), r.executions(), r.seconds(), r.workerSeconds(),
                m.peakWorkers(), m.bytesRead(), m.bytesWritten(), m.readSeconds(), m.computeSeconds(), m.writeSeconds(),
                m.temporaryBytesWritten(), m.peakLiveTemporaryBytes(), m.temporaryTilesCollected(), m.repeatedExecutions());
    }
}
