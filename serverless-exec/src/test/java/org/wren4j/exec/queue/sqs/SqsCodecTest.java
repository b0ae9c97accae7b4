package org.wren4j.exec.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.queue.TaskMessage;

/** The parts of the SQS queue that need no server: body codec, bands, rounding, options. */
class SqsCodecTest {
    @Test
    void bodiesRoundTrip() {
        for (var m : new TaskMessage[] {
                new TaskMessage("job", "chol(0)", 0),
                new TaskMessage("a|b|3|", "|x|", -7),
                new TaskMessage("", "", Long.MAX_VALUE),
                new TaskMessage("j\u00e9", "k\u20ac", Long.MIN_VALUE),
                new TaskMessage("job", "chol(0)", 3).asBackup(),
                new TaskMessage("b|", "b", -1, true)}) {
            assertThat(MessageCodec.decode(MessageCodec.encode(m))).isEqualTo(m);
        }
        assertThat(MessageCodec.encode(new TaskMessage("job", "t(1)", 5))).isEqualTo("1|5|3|jobt(1)");
        assertThat(MessageCodec.encode(new TaskMessage("job", "t(1)", 5, true))).isEqualTo("1|5b|3|jobt(1)");
    }

    @Test
    void foreignBodiesAreRejectedWithTheBody() {
        assertThatThrownBy(() -> MessageCodec.decode("hello")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hello");
        assertThatThrownBy(() -> MessageCodec.decode("2|0|1|ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.decode("1|x|1|ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.decode("1|0|9|ab")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs past");
    }

    @Test
    void bandsCoverAllPriorities() {
        var bands = new PriorityBands(3, 10);
        assertThat(bands.band(Long.MIN_VALUE)).isZero();
        assertThat(bands.band(-1)).isZero();
        assertThat(bands.band(0)).isZero();
        assertThat(bands.band(9)).isZero();
        assertThat(bands.band(10)).isEqualTo(1);
        assertThat(bands.band(29)).isEqualTo(2);
        assertThat(bands.band(Long.MAX_VALUE)).isEqualTo(2);
        assertThat(new PriorityBands(1, 1).band(12345)).isZero();
        assertThatThrownBy(() -> new PriorityBands(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriorityBands(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesRoundUpToWholeSeconds() {
        assertThat(SqsTaskQueue.ceilSeconds(Duration.ZERO)).isZero();
        assertThat(SqsTaskQueue.ceilSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(SqsTaskQueue.ceilSeconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(SqsTaskQueue.ceilSeconds(Duration.ofMillis(2001))).isEqualTo(3);
    }

    @Test
    void optionsHaveNamedDefaultsAndMutate() {
        var o = SqsQueueOptions.builder().staticCredentials("id", "secret").build();
        assertThat(o.maxReceives()).isEqualTo(SqsQueueOptions.DEFAULT_MAX_RECEIVES);
        assertThat(o.bands()).isEqualTo(PriorityBands.defaults());
        var m = o.mutate().maxReceives(3).build();
        assertThat(m.maxReceives()).isEqualTo(3);
        assertThat(m.ackLinger()).isEqualTo(o.ackLinger());
        assertThatThrownBy(() -> o.mutate().apiCallTimeout(Duration.ofSeconds(20)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("long poll");
    }
}
