package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.wren4j.spi.ObjectStore;

/**
 * Job specs stored next to the tiles, under {@code wren4j-jobs/<job id>.spec} of the object
 * store (and, once a client saw the job finish, its result under {@code .result}), so that any process (a worker process, a Lambda function, a client re-attaching to a
 * job) can load a job by its id. Job ids are unique, so a spec is written once and never changes.
 */
public final class JobSpecStore {
    static final String PREFIX = "wren4j-jobs/";

    private final ObjectStore objects;

    public JobSpecStore(ObjectStore objects) {
        this.objects = requireNonNull(objects, "objects is null");
    }

    static String key(String jobId) {
        return PREFIX + jobId + ".spec";
    }

    /** Stores the spec; completes when it is durable. */
    public CompletionStage<Void> put(JobSpec spec) {
        return objects.put(key(spec.jobId()), JobSpecCodec.encode(spec));
    }

    /** The spec of {@code jobId}, or empty if no spec is stored under it. */
    public CompletionStage<Optional<JobSpec>> load(String jobId) {
        requireNonNull(jobId, "jobId is null");
        return objects.get(key(jobId)).thenApply(b -> b.map(JobSpecCodec::decode));
    }

    /** The ids of every stored spec, sorted. */
    public CompletionStage<List<String>> list() {
        return objects.list(PREFIX).thenApply(keys -> keys.stream().filter(k -> k.endsWith(".spec"))
                .map(k -> k.substring(PREFIX.length(), k.length() - ".spec".length())).sorted().toList());
    }

    /** Stores the encoded result of a finished job, next to its spec. */
    public CompletionStage<Void> putResult(String jobId, byte[] result) {
        return objects.put(resultKey(jobId), result);
    }

    /** The encoded result of {@code jobId}, or empty if none was stored (the job has not finished, or its client did not save it). */
    public CompletionStage<Optional<byte[]>> loadResult(String jobId) {
        requireNonNull(jobId, "jobId is null");
        return objects.get(resultKey(jobId));
    }

    /** Deletes the job's spec and its result. */
    public CompletionStage<Void> delete(String jobId) {
        return objects.delete(resultKey(jobId)).thenCompose(v -> objects.delete(key(jobId)));
    }

    static String resultKey(String jobId) {
        return PREFIX + jobId + ".result";
    }
}
