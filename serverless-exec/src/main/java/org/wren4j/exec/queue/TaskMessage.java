package org.wren4j.exec.queue;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One task on the queue: the job it belongs to, the task key and its priority (lower first).
 * {@code backup} marks the delayed copy of a task a worker ran ahead: if that task is done when
 * the copy arrives, the copy still re-enqueues its ready children, as a redelivery does, because
 * the worker may have died between completing it and enqueuing them (it held no lease that would
 * come back).
 *
 * <p>{@code signature} authenticates the message: an HMAC-SHA256 by the job's key (see
 * {@code JobKey}) of {@link #signedBytes()}, in lowercase hex; empty for an unsigned message,
 * which workers refuse. Any change of a signed field (including turning a message into a backup)
 * yields an unsigned message, to be signed again by the sender that holds the key.
 */
public record TaskMessage(String jobId, String taskKey, long priority, boolean backup, String signature) {
    /** The version of the task protocol: part of what is signed, and of every queue's wire format. */
    public static final int PROTOCOL_VERSION = 2;

    public TaskMessage {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(taskKey, "taskKey is null");
        requireNonNull(signature, "signature is null");
    }

    /** An unsigned message. */
    public TaskMessage(String jobId, String taskKey, long priority, boolean backup) {
        this(jobId, taskKey, priority, backup, "");
    }

    /** An unsigned message. */
    public TaskMessage(String jobId, String taskKey, long priority) {
        this(jobId, taskKey, priority, false);
    }

    /** This message as the delayed backup of a task run ahead, unsigned. */
    public TaskMessage asBackup() {
        return new TaskMessage(jobId, taskKey, priority, true);
    }

    /** This message with {@code signature}. */
    public TaskMessage withSignature(String signature) {
        return new TaskMessage(jobId, taskKey, priority, backup, signature);
    }

    public boolean signed() {
        return !signature.isEmpty();
    }

    /**
     * What the signature covers, unambiguously: the protocol version, the job id, the task key
     * (each length-prefixed UTF-8), the priority and the backup flag.
     */
    public byte[] signedBytes() {
        var bytes = new ByteArrayOutputStream(32 + 3 * (jobId.length() + taskKey.length()));
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(PROTOCOL_VERSION);
            writeString(out, jobId);
            writeString(out, taskKey);
            out.writeLong(priority);
            out.writeBoolean(backup);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
