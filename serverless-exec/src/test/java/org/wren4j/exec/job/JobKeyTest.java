package org.wren4j.exec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.tiles.StoredTiles;

/**
 * A job's key signs its messages and certifies its spec: any change of a signed field, a message
 * of another job, and a spec swapped in the store are detected; the key itself is in no string.
 */
class JobKeyTest {
    private static JobSpec spec(String id, String input) {
        return new JobSpec(id, "cholesky of A", Programs.cholesky(), Map.of("N", 3L), Map.of(
                "A", new MatrixBinding(input, 30, 30, 10, StoredTiles.ALL),
                "O", new MatrixBinding("L", 30, 30, 10, StoredTiles.LOWER_TRIANGLE),
                "S", MatrixBinding.temporary(TileScope.temporaries(id) + "S")));
    }

    @Test
    void signedMessagesVerifyAndEveryAlteredFieldFails() {
        JobKey key = JobKey.generate(spec("job-a", "A"));
        TaskMessage m = key.sign(new TaskMessage("job-a", "s2:0,1,2", 7));
        assertThat(m.signature()).hasSize(64).matches("[0-9a-f]+");
        assertThat(key.verifies(m)).isTrue();
        assertThat(key.verifies(key.sign(m.asBackup()))).isTrue();
        assertThat(key.verifies(new TaskMessage("job-a", "s2:0,1,2", 7))).as("unsigned").isFalse();
        assertThat(key.verifies(new TaskMessage("job-b", "s2:0,1,2", 7, false, m.signature()))).as("other job").isFalse();
        assertThat(key.verifies(new TaskMessage("job-a", "s2:0,1,3", 7, false, m.signature()))).as("other task").isFalse();
        assertThat(key.verifies(new TaskMessage("job-a", "s2:0,1,2", 6, false, m.signature()))).as("other priority").isFalse();
        assertThat(key.verifies(new TaskMessage("job-a", "s2:0,1,2", 7, true, m.signature()))).as("made a backup").isFalse();
        // the fields' boundary is signed too: moving a character from the job id into the key fails
        TaskMessage shifted = key.sign(new TaskMessage("job-", "as2:0", 7));
        assertThat(key.verifies(new TaskMessage("job-a", "s2:0", 7, false, shifted.signature()))).isFalse();
        char[] sig = m.signature().toCharArray();
        for (int i = 0; i < sig.length; i++) {
            char[] flipped = sig.clone();
            flipped[i] = flipped[i] == '0' ? '1' : '0';
            assertThat(key.verifies(m.withSignature(new String(flipped)))).as("signature with digit %d changed", i).isFalse();
        }
        assertThat(key.verifies(m.withSignature(m.signature().toUpperCase(java.util.Locale.ROOT) + "0"))).isFalse();
        assertThat(key.verifies(m.withSignature("zz" + m.signature().substring(2)))).isFalse();
    }

    @Test
    void anotherJobsKeyVerifiesNothingOfThisJob() {
        JobKey a = JobKey.generate(spec("job-a", "A"));
        JobKey b = JobKey.generate(spec("job-a", "A"));
        TaskMessage m = a.sign(new TaskMessage("job-a", "s0:0", 0));
        assertThat(b.verifies(m)).isFalse();
        assertThat(b.certifies(spec("job-a", "A"))).isTrue();
        assertThat(a.sign(new TaskMessage("job-a", "s0:0", 0)).signature()).isEqualTo(m.signature());
    }

    @Test
    void theKeyCertifiesItsSpecOnlyAndSurvivesItsStoredForm() {
        JobKey key = JobKey.generate(spec("job-a", "A"));
        JobKey back = JobKey.decode(key.encode());
        assertThat(back.certifies(spec("job-a", "A"))).isTrue();
        assertThat(back.certifies(spec("job-a", "B"))).as("an input swapped").isFalse();
        assertThat(back.certifies(spec("job-a", "A").asDryRun())).isFalse();
        assertThat(back.verifies(key.sign(new TaskMessage("job-a", "s0:0", 0)))).isTrue();
    }

    @Test
    void theKeyIsInNoStringAndABadStoredFormNamesNoneOfIt() {
        JobKey key = JobKey.generate(spec("job-a", "A"));
        String secret = key.encode();
        String keyPart = secret.substring(0, secret.indexOf('.'));
        assertThat(key.toString()).doesNotContain(keyPart).contains("redacted");
        var registry = new JobRegistry();
        assertThat(registry.register(spec("job-a", "A"), key).toString()).doesNotContain(keyPart);
        String broken = secret.substring(0, secret.length() - 4);
        assertThatThrownBy(() -> JobKey.decode(broken)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(broken.substring(0, 8)));
        assertThatThrownBy(() -> JobKey.decode("x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A worker's registry runs a stored spec only if the job's key in the runtime state certifies it. */
    @Test
    void aRegistryTreatsASwappedOrKeylessSpecAsUnknown() {
        var objects = new MemoryObjectStore();
        var specs = new JobSpecStore(objects);
        var state = new MemoryRuntimeState();
        // certified: loaded
        specs.put(spec("job-ok", "A")).toCompletableFuture().join();
        state.startJob("job-ok", 10, JobKey.generate(spec("job-ok", "A")).encode()).toCompletableFuture().join();
        // the bucket's spec replaced by one reading another matrix: not the spec the key certifies
        specs.put(spec("job-swapped", "secret-matrix")).toCompletableFuture().join();
        state.startJob("job-swapped", 10, JobKey.generate(spec("job-swapped", "A")).encode()).toCompletableFuture().join();
        // a spec with no key in the state (a job nobody submitted, or one started without a key)
        specs.put(spec("job-keyless", "A")).toCompletableFuture().join();
        state.startJob("job-keyless", 10).toCompletableFuture().join();
        // a key the state holds in a broken form
        specs.put(spec("job-broken", "A")).toCompletableFuture().join();
        state.startJob("job-broken", 10, "not-a-key").toCompletableFuture().join();
        var registry = new JobRegistry(specs, state);
        assertThat(registry.find("job-ok")).isNotNull();
        assertThat(registry.find("job-ok").key().certifies(spec("job-ok", "A"))).isTrue();
        assertThat(registry.find("job-swapped")).isNull();
        assertThat(registry.find("job-keyless")).isNull();
        assertThat(registry.find("job-broken")).isNull();
    }
}
