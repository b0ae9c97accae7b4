package org.wren4j.exec.queue.sqs;

import org.wren4j.exec.queue.TaskMessage;

/**
 * The body of a task message: {@code 1|<priority>|<length of job id>|<job id><task key>}, with
 * {@code b} after the priority for a backup ({@link TaskMessage#backup()}). The length prefix
 * keeps any job id or task key unambiguous without escaping.
 */
final class MessageCodec {
    private static final String VERSION = "1";

    private MessageCodec() {
    }

    static String encode(TaskMessage m) {
        return VERSION + "|" + m.priority() + (m.backup() ? "b" : "") + "|" + m.jobId().length() + "|" + m.jobId() + m.taskKey();
    }

    /** @throws IllegalArgumentException if {@code body} is not a task message of this version */
    static TaskMessage decode(String body) {
        try {
            int a = body.indexOf('|');
            int b = body.indexOf('|', a + 1);
            int c = body.indexOf('|', b + 1);
            if (a < 0 || b < 0 || c < 0 || !VERSION.equals(body.substring(0, a))) {
                throw new IllegalArgumentException("not a wren4j task message (version " + VERSION + "): " + abbreviate(body));
            }
            boolean backup = body.charAt(b - 1) == 'b';
            long priority = Long.parseLong(body.substring(a + 1, backup ? b - 1 : b));
            int jobLength = Integer.parseInt(body.substring(b + 1, c));
            int jobEnd = c + 1 + jobLength;
            if (jobLength < 0 || jobEnd > body.length()) {
                throw new IllegalArgumentException("job id length " + jobLength + " runs past the body: " + abbreviate(body));
            }
            return new TaskMessage(body.substring(c + 1, jobEnd), body.substring(jobEnd), priority, backup);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a wren4j task message: " + abbreviate(body), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
