package org.wren4j.tiles.s3;

import java.util.Set;
import org.wren4j.tiles.RetryPolicy;
import org.wren4j.tiles.TileException;
import org.wren4j.tiles.TransientStoreException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Maps AWS SDK failures onto the tile layer's exceptions, transient or permanent. */
final class S3Errors {
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestTimeout", "RequestTimeTooSkewed", "InternalError", "ServiceUnavailable", "OperationAborted",
            "ConditionalRequestConflict");

    private S3Errors() {
    }

    static int status(Throwable error) {
        return RetryPolicy.unwrap(error) instanceof S3Exception e ? e.statusCode() : -1;
    }

    /** A {@link TransientStoreException} for throttling, 5xx, 409 races and network failures; a {@link TileException} otherwise. */
    static RuntimeException translate(Throwable error, String what) {
        Throwable cause = RetryPolicy.unwrap(error);
        if (cause instanceof TileException t) {
            return t;
        }
        if (cause instanceof S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String detail = what + ": HTTP " + e.statusCode() + (code == null ? "" : " " + code) + " (" + e.getMessage() + ")";
            int s = e.statusCode();
            if (s == 429 || s >= 500 || s == 409 && "ConditionalRequestConflict".equals(code) || TRANSIENT_CODES.contains(code)) {
                return new TransientStoreException(detail, e);
            }
            return new TileException(detail, e);
        }
        if (cause instanceof SdkClientException e) {
            return new TransientStoreException(what + ": " + e.getMessage(), e);
        }
        if (cause instanceof SdkException e && e.retryable()) {
            return new TransientStoreException(what + ": " + e.getMessage(), e);
        }
        if (cause instanceof java.io.IOException e) {
            return new TransientStoreException(what + ": " + e, e);
        }
        return new TileException(what + ": " + cause, cause);
    }
}
