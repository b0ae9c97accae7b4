package org.wren4j.exec.queue.sqs;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Recognises the answers SQS gives for a receipt handle that no longer holds the message. */
final class SqsErrors {
    // ReceiptHandleIsInvalid: deleted, or an old handle; MessageNotInflight: the lease expired.
    private static final Set<String> LOST = Set.of("ReceiptHandleIsInvalid", "MessageNotInflight",
            "AWS.SimpleQueueService.ReceiptHandleIsInvalid", "AWS.SimpleQueueService.MessageNotInflight");

    private SqsErrors() {
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static boolean isLostLease(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof AwsServiceException a && a.awsErrorDetails() != null && isLostLease(a.awsErrorDetails().errorCode());
    }

    static boolean isLostLease(String errorCode) {
        return errorCode != null && LOST.contains(errorCode);
    }
}
