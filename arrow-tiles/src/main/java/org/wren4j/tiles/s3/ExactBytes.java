package org.wren4j.tiles.s3;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A GET body read into one array of the object's Content-Length, each received buffer copied
 * once. The SDK's {@code toBytes()} gathers into a growing stream and copies the whole body
 * again at the end: for a 32 MiB tile, about three extra copies per read. Without a
 * Content-Length (not seen from S3) the array grows by doubling. A body longer or shorter than
 * announced fails the read.
 */
final class ExactBytes implements AsyncResponseTransformer<GetObjectResponse, byte[]> {
    private volatile CompletableFuture<byte[]> result;
    private volatile long announced;

    @Override
    public CompletableFuture<byte[]> prepare() {
        // prepare() runs again when the SDK retries; ours are off, but stay correct if not
        result = new CompletableFuture<>();
        return result;
    }

    @Override
    public void onResponse(GetObjectResponse response) {
        Long length = response.contentLength();
        announced = length == null ? -1 : length;
    }

    @Override
    public void onStream(SdkPublisher<ByteBuffer> publisher) {
        CompletableFuture<byte[]> out = result;
        long length = announced;
        if (length > Integer.MAX_VALUE - 8) {
            out.completeExceptionally(new IllegalStateException("object of " + length + " bytes is too large for one array"));
            return;
        }
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            private byte[] bytes = new byte[length >= 0 ? (int) length : 1 << 16];
            private int size;

            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
                int n = b.remaining();
                if (size + n > bytes.length) {
                    if (length >= 0) {
                        out.completeExceptionally(new IllegalStateException(
                                "body is longer than its Content-Length of " + length + " bytes"));
                        return;
                    }
                    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
                }
                b.get(bytes, size, n);
                size += n;
            }

            @Override
            public void onError(Throwable t) {
                out.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                if (length >= 0 && size != length) {
                    out.completeExceptionally(new IllegalStateException(
                            "body ended after " + size + " of its " + length + " bytes"));
                } else {
                    out.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
                }
            }
        });
    }

    @Override
    public void exceptionOccurred(Throwable error) {
        CompletableFuture<byte[]> out = result;
        if (out != null) {
            out.completeExceptionally(error);
        }
    }
}
