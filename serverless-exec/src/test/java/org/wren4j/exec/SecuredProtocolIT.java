package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobKey;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.queue.sqs.SqsTaskQueue;
import org.wren4j.exec.services.ServiceEndpoints;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.state.redis.RedisRuntimeState;
import org.wren4j.exec.state.redis.RedisStateOptions;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.LocalRedis;
import org.wren4j.exec.testing.ServicesFixture;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.TileStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The secured task protocol on real services (Redis, ElasticMQ, s3proxy on loopback): forged,
 * altered and cross-job messages, and bodies that are not task messages at all (random bytes,
 * truncated, oversized, of an old or unknown version) put straight on the SQS queue, are refused
 * without running anything or ending a worker; both jobs finish bit-identical to an in-memory run.
 * The job key lives in Redis, here behind AUTH and TLS.
 */
class SecuredProtocolIT {
    private static final CholeskyCase CASE = new CholeskyCase(256, 32, 13);
    private static final WorkerConfig WORKER = new WorkerConfig(2, Duration.ofSeconds(3), Duration.ofMillis(500), 30, Duration.ofMillis(20));
    private static final String OTHER = "other";
    private static ServicesFixture services;
    private static double[] reference;

    @BeforeAll
    static void start() {
        services = ServicesFixture.start(false);
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        try (var engine = ExecEngine.embedded(store, EngineConfig.defaults().withMaxWorkers(2))) {
            engine.run(CASE.spec("reference", "A", "L"), ProgressListener.NONE);
        }
        reference = CASE.readFactor(store, "L");
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void forgedAlteredReplayedAndGarbageMessagesAreRefusedAndBothJobsFinish() {
        ServiceEndpoints e = services.endpoints();
        try (Services s = Services.open(e)) {
            CASE.writeInput(s.store(), "A");
            var config = EngineConfig.defaults().withMaxWorkers(3).withWorker(WORKER);
            try (var engine = ExecEngine.withServices(s.store(), s.queue(), s.state(), config)) {
                engine.submit(CASE.spec(OTHER, "A", "L-other"));
                engine.submit(CASE.spec("target", "A", "L"));
                List<TaskMessage> attack = attack("target", key(s.state(), "target"), key(s.state(), OTHER));
                s.queue().send(attack).toCompletableFuture().join();
                sendRawBodies(e, ((SqsTaskQueue) s.queue()).bandUrls());
                JobResult target = engine.await("target", Optional.of(Duration.ofMinutes(3)), ProgressListener.NONE);
                JobResult other = engine.await(OTHER, Optional.of(Duration.ofMinutes(3)), ProgressListener.NONE);
                System.out.printf("secured protocol: %d refused of %d sent; %d tasks, %d executions%n",
                        target.metrics().refusedMessages(), attack.size(), target.tasks(), target.executions());
                assertThat(target.metrics().refusedMessages()).isEqualTo(attack.size());
                assertThat(other.metrics().refusedMessages()).isZero();
                assertThat(target.executions()).as("no refused message ran").isEqualTo(CASE.tasks());
                CholeskyCase.assertBitwiseEqual(CASE.readFactor(s.store(), "L"), reference);
                CholeskyCase.assertBitwiseEqual(CASE.readFactor(s.store(), "L-other"), reference);
            }
        }
    }

    /** The job's key is kept in Redis (AUTH and TLS here) and nowhere in the bucket; the job runs with it. */
    @Test
    void theJobKeyLivesInRedisBehindAuthAndTlsAndNotInTheBucket() throws Exception {
        ServiceEndpoints e = services.endpoints();
        try (LocalRedis secure = LocalRedis.startTls("key-guard");
             Services s = Services.open(e);
             RuntimeState state = RedisRuntimeState.connect(secure.uri(),
                     RedisStateOptions.builder().trustedCertificates(secure.certificate()).build())) {
            CASE.writeInput(s.store(), "A");
            var config = EngineConfig.defaults().withMaxWorkers(2).withWorker(WORKER);
            String secret;
            try (var engine = ExecEngine.withServices(s.store(), s.queue(), state, config)) {
                engine.run(CASE.spec("tls-job", "A", "L"), ProgressListener.NONE);
                secret = state.secret("tls-job").toCompletableFuture().join().orElseThrow(); // the engine closes the state
            }
            CholeskyCase.assertBitwiseEqual(CASE.readFactor(s.store(), "L"), reference);
            assertThat(JobKey.decode(secret).certifies(CASE.spec("tls-job", "A", "L"))).isTrue();
            byte[] key = Base64.getDecoder().decode(secret.substring(0, secret.indexOf('.')));
            for (String k : s.store().objects().list("").toCompletableFuture().join()) {
                byte[] bytes = s.store().objects().get(k).toCompletableFuture().join().orElseThrow();
                assertThat(indexOf(bytes, key)).as("the key's bytes in %s", k).isNegative();
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(k).doesNotContain(secret.substring(0, secret.indexOf('.')));
            }
        }
    }

    private static JobKey key(RuntimeState state, String jobId) {
        return JobKey.decode(state.secret(jobId).toCompletableFuture().join().orElseThrow());
    }

    /** As in {@code ForgedMessagesTest}: real tasks, in every form but the job's own signature. */
    private static List<TaskMessage> attack(String jobId, JobKey own, JobKey other) {
        JobKey foreign = JobKey.generate(CASE.spec("nobody", "A", "L"));
        var out = new ArrayList<TaskMessage>();
        for (String task : List.of("s0:0", "s1:0,1", "s2:0,1,1")) {
            out.add(new TaskMessage(jobId, task, Long.MIN_VALUE));
            out.add(foreign.sign(new TaskMessage(jobId, task, Long.MIN_VALUE)));
            TaskMessage real = own.sign(new TaskMessage(jobId, task, Long.MIN_VALUE));
            out.add(new TaskMessage(jobId, task + "0", Long.MIN_VALUE, false, real.signature()));
            out.add(new TaskMessage(jobId, task, Long.MIN_VALUE + 1, false, real.signature()));
            out.add(new TaskMessage(jobId, task, Long.MIN_VALUE, true, real.signature()));
            out.add(new TaskMessage(jobId, task, Long.MIN_VALUE, false, other.sign(new TaskMessage(OTHER, task, Long.MIN_VALUE)).signature()));
        }
        // signed with the job's key but naming no task of it: the iteration-domain check refuses them
        for (String task : List.of("s0:1000", "s99:0", "garbage")) {
            out.add(own.sign(new TaskMessage(jobId, task, Long.MIN_VALUE)));
        }
        return out;
    }

    /** Bodies no wren4j client writes, straight onto every band of the queue; seeded. */
    private static void sendRawBodies(ServiceEndpoints e, List<String> bandUrls) {
        var random = new Random(16);
        var bodies = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[1 + random.nextInt(300)];
            random.nextBytes(bytes);
            // SQS accepts only some Unicode: keep printable characters of the random bytes
            String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "x");
            bodies.add(text);
        }
        // of a job no one runs: a cut that still decodes is dropped as a message of no job
        String valid = "2|0|" + "ab".repeat(32) + "|6|nobodys0:0";
        for (int cut = 1; cut < valid.length(); cut += 7) {
            bodies.add(valid.substring(0, cut));
        }
        bodies.add("1|0|6|targets0:0"); // the unsigned version before signatures
        bodies.add("9|0|-|6|targets0:0"); // a version this worker does not know
        bodies.add("2|0|-|6|target" + "s0:0".repeat(3000)); // longer than any task message
        try (SqsAsyncClient sqs = SqsAsyncClient.builder().endpointOverride(URI.create(e.sqs().toString())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("wren4j", "wren4j"))).build()) {
            for (String url : bandUrls) {
                for (String body : bodies) {
                    sqs.sendMessage(r -> r.queueUrl(url).messageBody(body)).join();
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
