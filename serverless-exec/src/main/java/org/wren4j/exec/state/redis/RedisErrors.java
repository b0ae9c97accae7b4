package org.wren4j.exec.state.redis;

import io.lettuce.core.RedisCommandExecutionException;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Maps the error replies of our scripts to the exceptions {@code RuntimeState} documents. */
final class RedisErrors {
    private RedisErrors() {
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static <T> CompletionStage<T> failed(Throwable e) {
        return CompletableFuture.failedFuture(unwrap(e));
    }

    /** NOJOB becomes {@link NoSuchElementException}, JOBEXISTS {@link IllegalStateException}; others stay. */
    static Throwable translate(Throwable e, String jobId) {
        Throwable cause = unwrap(e);
        if (cause instanceof RedisCommandExecutionException && cause.getMessage() != null) {
            String m = cause.getMessage();
            if (m.startsWith("NOJOB")) {
                return new NoSuchElementException("unknown job " + jobId);
            }
            if (m.startsWith("JOBEXISTS")) {
                return new IllegalStateException("job " + jobId + " already exists");
            }
        }
        return cause;
    }
}
