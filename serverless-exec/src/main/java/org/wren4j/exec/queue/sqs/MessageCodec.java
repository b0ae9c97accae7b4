package org.wren4j.exec.queue.sqs;

import org.wren4j.exec.queue.TaskMessage;

/**
 * The body of a task message, the one place its wire format is written and read:
 * {@code 2|<priority>|<signature>|<length of job id>|<job id><task key>}, with {@code b} after
 * the priority for a backup ({@link TaskMessage#backup()}), and as signature 64 lowercase hex
 * digits ({@link TaskMessage#signature()}) or {@code -} for an unsigned message (decoded, so
 * that a worker refuses and counts it in its job). The length prefix keeps any job id or task
 * key unambiguous without escaping. The leading number is {@link TaskMessage#PROTOCOL_VERSION};
 * a body of any other version is refused.
 */
final class MessageCodec {
    private static final String VERSION = Integer.toString(TaskMessage.PROTOCOL_VERSION);
    private static final int SIGNATURE_CHARS = 64;
    private static final String UNSIGNED = "-";

    private MessageCodec() {
    }

    static String encode(TaskMessage m) {
        return VERSION + "|" + m.priority() + (m.backup() ? "b" : "") + "|" + (m.signed() ? m.signature() : UNSIGNED) + "|"
                + m.jobId().length() + "|" + m.jobId() + m.taskKey();
    }

    /**
     * The longest body accepted: task keys are a statement and a few loop values, job ids short
     * names; anything longer is not ours (SQS itself allows 256 KB).
     */
    static final int MAX_BODY_CHARS = 4096;

    /**
     * Strict: accepts exactly what {@link #encode} writes (no signs, leading zeros or spaces in the
     * numbers), nothing longer than {@link #MAX_BODY_CHARS}.
     *
     * @throws IllegalArgumentException if {@code body} is not a task message of this version,
     *     never any other exception
     */
    static TaskMessage decode(String body) {
        if (body == null) {
            throw new IllegalArgumentException("not a wren4j task message: no body");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("not a wren4j task message: body too long (" + body.length() + " characters, at most "
                    + MAX_BODY_CHARS + "): " + abbreviate(body));
        }
        int a = body.indexOf('|');
        int b = a < 0 ? -1 : body.indexOf('|', a + 1);
        int s = b < 0 ? -1 : body.indexOf('|', b + 1);
        int c = s < 0 ? -1 : body.indexOf('|', s + 1);
        if (c < 0 || !VERSION.equals(body.substring(0, a))) {
            throw new IllegalArgumentException("not a wren4j task message (version " + VERSION + "): " + abbreviate(body));
        }
        boolean backup = b - 1 > a && body.charAt(b - 1) == 'b';
        long priority = number(body.substring(a + 1, backup ? b - 1 : b), Long.MIN_VALUE, "priority", body);
        String signature = signature(body.substring(b + 1, s), body);
        long jobLength = number(body.substring(s + 1, c), 0, "job id length", body);
        long jobEnd = c + 1 + jobLength;
        if (jobEnd > body.length()) {
            throw new IllegalArgumentException("job id length " + jobLength + " runs past the body: " + abbreviate(body));
        }
        return new TaskMessage(body.substring(c + 1, (int) jobEnd), body.substring((int) jobEnd), priority, backup, signature);
    }

    /** {@code -} (unsigned: empty) or exactly 64 lowercase hex digits. */
    private static String signature(String text, String body) {
        if (text.equals(UNSIGNED)) {
            return "";
        }
        if (text.length() != SIGNATURE_CHARS) {
            throw new IllegalArgumentException("not a wren4j task message: bad signature: " + abbreviate(body));
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                throw new IllegalArgumentException("not a wren4j task message: bad signature: " + abbreviate(body));
            }
        }
        return text;
    }

    /** A decimal number exactly as {@link Long#toString} writes it, at least {@code min}. */
    private static long number(String text, long min, String what, String body) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a wren4j task message: bad " + what + ": " + abbreviate(body));
        }
        if (value < min || !Long.toString(value).equals(text)) {
            throw new IllegalArgumentException("not a wren4j task message: bad " + what + ": " + abbreviate(body));
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
