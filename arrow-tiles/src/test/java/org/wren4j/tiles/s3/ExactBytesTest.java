package org.wren4j.tiles.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class ExactBytesTest {

    private static CompletableFuture<byte[]> read(Long contentLength, byte[]... chunks) {
        var t = new ExactBytes();
        CompletableFuture<byte[]> result = t.prepare();
        t.onResponse(GetObjectResponse.builder().contentLength(contentLength).build());
        t.onStream(SdkPublisher.adapt(subscriber -> {
            subscriber.onSubscribe(new org.reactivestreams.Subscription() {
                private boolean sent;

                @Override
                public void request(long n) {
                    if (sent) {
                        return;
                    }
                    sent = true;
                    for (byte[] c : chunks) {
                        subscriber.onNext(ByteBuffer.wrap(c));
                    }
                    subscriber.onComplete();
                }

                @Override
                public void cancel() {
                }
            });
        }));
        return result;
    }

    @Test
    void bodyOfTheAnnouncedLengthComesBackWhole() {
        assertThat(read(5L, new byte[] {1, 2}, new byte[] {3}, new byte[] {4, 5}).join()).containsExactly(1, 2, 3, 4, 5);
        assertThat(read(0L).join()).isEmpty();
    }

    @Test
    void bodyWithoutALengthGrows() {
        byte[] big = new byte[100_000];
        big[99_999] = 7;
        byte[] got = read(null, new byte[] {9}, big).join();
        assertThat(got).hasSize(100_001);
        assertThat(got[0]).isEqualTo((byte) 9);
        assertThat(got[100_000]).isEqualTo((byte) 7);
    }

    @Test
    void bodyShorterOrLongerThanAnnouncedFails() {
        assertThatThrownBy(() -> read(4L, new byte[] {1, 2, 3}).join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("ended after 3 of its 4 bytes");
        assertThatThrownBy(() -> read(2L, new byte[] {1, 2, 3}).join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("longer than its Content-Length of 2");
    }

    @Test
    void errorOfTheStreamFailsTheRead() {
        var t = new ExactBytes();
        CompletableFuture<byte[]> result = t.prepare();
        t.exceptionOccurred(new IllegalStateException("connection reset"));
        assertThat(result).isCompletedExceptionally();
        assertThat(List.of(result.handle((v, e) -> e.getMessage()).join())).containsExactly("connection reset");
    }
}
