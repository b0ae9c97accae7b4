package org.wren4j.exec.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.queue.TaskMessage;

/** The parts of the SQS queue that need no server: body codec, bands, rounding, options. */
class SqsCodecTest {
    private static final String SIG = "0123456789abcdef".repeat(4);

    @Test
    void bodiesRoundTrip() {
        for (var m : new TaskMessage[] {
                new TaskMessage("job", "chol(0)", 0),
                new TaskMessage("a|b|3|", "|x|", -7),
                new TaskMessage("", "", Long.MAX_VALUE),
                new TaskMessage("j\u00e9", "k\u20ac", Long.MIN_VALUE),
                new TaskMessage("job", "chol(0)", 3).asBackup(),
                new TaskMessage("b|", "b", -1, true),
                new TaskMessage("job", "s0:1", 4, false, SIG),
                new TaskMessage("j|-|", "|-", 4, true, SIG)}) {
            assertThat(MessageCodec.decode(MessageCodec.encode(m))).isEqualTo(m);
        }
        assertThat(MessageCodec.encode(new TaskMessage("job", "t(1)", 5))).isEqualTo("2|5|-|3|jobt(1)");
        assertThat(MessageCodec.encode(new TaskMessage("job", "t(1)", 5, true))).isEqualTo("2|5b|-|3|jobt(1)");
        assertThat(MessageCodec.encode(new TaskMessage("job", "t(1)", 5, false, SIG))).isEqualTo("2|5|" + SIG + "|3|jobt(1)");
    }

    @Test
    void foreignBodiesAreRejectedWithTheBody() {
        assertThatThrownBy(() -> MessageCodec.decode("hello")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hello");
        // version 1 (unsigned, before signatures) and an unknown later version
        assertThatThrownBy(() -> MessageCodec.decode("1|0|1|ab")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> MessageCodec.decode("3|0|-|1|ab")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> MessageCodec.decode("2|x|-|1|ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.decode("2|0|-|9|ab")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs past");
    }

    @Test
    void signaturesAreExactly64LowercaseHexDigitsOrADash() {
        for (String sig : new String[] {"", "--", "+", SIG.substring(1), SIG + "0", SIG.toUpperCase(java.util.Locale.ROOT),
                "g" + SIG.substring(1), " " + SIG.substring(1)}) {
            assertThatThrownBy(() -> MessageCodec.decode("2|0|" + sig + "|3|jobs0:0")).as(sig).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("signature");
        }
        assertThat(MessageCodec.decode("2|0|-|3|jobs0:0").signed()).isFalse();
        assertThat(MessageCodec.decode("2|0|" + SIG + "|3|jobs0:0").signature()).isEqualTo(SIG);
    }

    /**
     * Seeded fuzzing: random, truncated, mutated and oversized bodies either decode to a message
     * that encodes back to the same body, or are refused with IllegalArgumentException, never any
     * other exception (which would fail a whole receive batch).
     */
    @Test
    void fuzzedBodiesDecodeExactlyOrAreRefused() {
        var random = new java.util.Random(20261204);
        String[] valid = {MessageCodec.encode(new TaskMessage("job-1", "s0:3,1", 12)),
                MessageCodec.encode(new TaskMessage("j|b", "s2:0,1,2", -4, true)), "2|0|-|0|", "2|5|-|3|jobt(1)",
                MessageCodec.encode(new TaskMessage("job-1", "s1:2,0", 3, false, SIG)),
                MessageCodec.encode(new TaskMessage("j|-", "s1:2,0", 3, true, SIG))};
        String alphabet = "0123456789abcdef|b-+ x\u00e9:,s";
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 30_000; i++) {
            String body = switch (i % 6) {
                case 0 -> randomString(random, alphabet, random.nextInt(120));
                case 1 -> { // truncated
                    String v = valid[random.nextInt(valid.length)];
                    yield v.substring(0, random.nextInt(v.length() + 1));
                }
                case 2 -> { // one character changed
                    var sb = new StringBuilder(valid[random.nextInt(valid.length)]);
                    sb.setCharAt(random.nextInt(sb.length()), alphabet.charAt(random.nextInt(alphabet.length())));
                    yield sb.toString();
                }
                case 3 -> "2|" + random.nextLong() + "|" + (random.nextBoolean() ? "-" : SIG) + "|"
                        + (random.nextBoolean() ? random.nextInt() : Integer.MAX_VALUE) + "|abc";
                case 4 -> { // random bytes, as any client may put any UTF-8 text on the queue
                    byte[] bytes = new byte[random.nextInt(200)];
                    random.nextBytes(bytes);
                    yield new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                }
                default -> "2|0|-|" + random.nextInt(5) + "|" + "x".repeat(random.nextInt(3) == 0 ? MessageCodec.MAX_BODY_CHARS : 10);
            };
            try {
                TaskMessage m = MessageCodec.decode(body);
                // strict: only a body exactly as the encoder writes it is accepted
                assertThat(MessageCodec.encode(m)).as("decoded body %s", body).isEqualTo(body);
                decoded++;
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(300);
                refused++;
            }
        }
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void numbersNotWrittenAsTheEncoderWritesThemAreRefused() {
        for (String body : new String[] {"2|+5|-|3|jobt", "2|05|-|3|jobt", "2|-0|-|3|jobt", "2|5|-|03|jobt", "2|5|-|+3|jobt", "2|5|-|-1|jobt",
                "2|5|-|2147483647|jobt", "2|5bb|-|3|jobt", "2|b|-|3|jobt", "2||-|3|jobt", "2|5|-|3", "|5|-|3|jobt", "02|5|-|3|jobt"}) {
            assertThatThrownBy(() -> MessageCodec.decode(body)).as(body).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void oversizedBodiesAreRefused() {
        String body = "2|0|-|3|job" + "k".repeat(MessageCodec.MAX_BODY_CHARS);
        assertThatThrownBy(() -> MessageCodec.decode(body)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        assertThatThrownBy(() -> MessageCodec.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomString(java.util.Random random, String alphabet, int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
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
