package org.wren4j.exec;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.wren4j.exec.job.JobMetrics;
import org.wren4j.exec.job.TaskSpan;

/**
 * The stored form of a finished job's {@link JobResult}, so that another process can report on
 * it after its client is gone. Layout (deflated): magic {@code "WR"}, version, job id, operation,
 * tasks, executions, seconds, worker-seconds, counters, peak workers, worker samples, queue samples,
 * start time, task spans.
 */
public final class JobResultCodec {
    private static final int VERSION = 1;

    private JobResultCodec() {
    }

    public static byte[] encode(JobResult r) {
        requireNonNull(r, "r is null");
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeByte('W');
            out.writeByte('R');
            out.writeByte(VERSION);
            out.writeUTF(r.jobId());
            out.writeUTF(r.operation());
            out.writeLong(r.tasks());
            out.writeLong(r.executions());
            out.writeDouble(r.seconds());
            out.writeDouble(r.workerSeconds());
            JobMetrics m = r.metrics();
            Map<String, Long> counters = m.counters();
            out.writeInt(counters.size());
            for (var e : counters.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeLong(m.peakWorkers());
            List<JobMetrics.WorkerSample> samples = m.workerTimeline();
            out.writeInt(samples.size());
            for (JobMetrics.WorkerSample s : samples) {
                out.writeDouble(s.seconds());
                out.writeInt(s.workers());
            }
            List<JobMetrics.QueueSample> queued = m.queueTimeline();
            out.writeInt(queued.size());
            for (JobMetrics.QueueSample s : queued) {
                out.writeDouble(s.seconds());
                out.writeLong(s.queued());
            }
            out.writeLong(m.startMicros());
            List<TaskSpan> spans = m.spans();
            out.writeInt(spans.size());
            for (TaskSpan s : spans) {
                out.writeUTF(s.encode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if {@code bytes} are not a stored job result */
    public static JobResult decode(byte[] bytes) {
        try (var in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            if (in.readByte() != 'W' || in.readByte() != 'R') {
                throw new IllegalArgumentException("not a stored job result");
            }
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("stored job result of version " + version + ", this build reads " + VERSION);
            }
            String jobId = in.readUTF();
            String operation = in.readUTF();
            long tasks = in.readLong();
            long executions = in.readLong();
            double seconds = in.readDouble();
            double workerSeconds = in.readDouble();
            var m = new JobMetrics();
            int n = in.readInt();
            var counters = new TreeMap<String, Long>();
            for (int i = 0; i < n; i++) {
                counters.put(in.readUTF(), in.readLong());
            }
            m.addCounters(counters);
            m.workers(in.readLong());
            int samples = in.readInt();
            for (int i = 0; i < samples; i++) {
                m.workers(in.readDouble(), in.readInt());
            }
            int queued = in.readInt();
            for (int i = 0; i < queued; i++) {
                m.queued(in.readDouble(), in.readLong());
            }
            m.start(in.readLong());
            int spans = in.readInt();
            var list = new ArrayList<TaskSpan>(Math.min(spans, 1 << 16));
            for (int i = 0; i < spans; i++) {
                TaskSpan.decode(in.readUTF()).ifPresent(list::add);
            }
            m.spans(list);
            return new JobResult(jobId, operation, tasks, executions, seconds, workerSeconds, m);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable stored job result: " + e.getMessage(), e);
        }
    }
}
