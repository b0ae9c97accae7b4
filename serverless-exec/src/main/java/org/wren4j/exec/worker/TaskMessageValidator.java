package org.wren4j.exec.worker;

import static java.util.Objects.requireNonNull;

import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;

/**
 * Checks a task message against its job's program before anything runs: the key parses, the
 * statement exists, and the loop values are inside their bounds and satisfy the statement's If
 * conditions ({@link ProgramAnalysis#contains}). A message the program could not have sent (forged,
 * corrupted, or of another program) is refused rather than run: run, it would read tiles that do
 * not exist (failing the whole job after its retries) or write tiles no task owns.
 */
final class TaskMessageValidator {
    private TaskMessageValidator() {
    }

    /** The outcome: a task of the job, or why the message is refused. */
    sealed interface Verdict permits Accepted, Refused {
    }

    /** The message names {@code node}, a task of the job's program. */
    record Accepted(Node node) implements Verdict {
        Accepted {
            requireNonNull(node, "node is null");
        }
    }

    /** The message names no task of the job; {@code reason} says why, in one line. */
    record Refused(String reason) implements Verdict {
        Refused {
            requireNonNull(reason, "reason is null");
        }
    }

    /** Validates {@code message} against {@code job}, the job its id names. */
    static Verdict validate(TaskMessage message, JobRegistry.Entry job) {
        String key = message.taskKey();
        if (!job.spec().jobId().equals(message.jobId())) {
            return new Refused("task " + key + " names job " + message.jobId() + " but was checked against job " + job.spec().jobId());
        }
        Node node;
        try {
            node = Node.parse(key);
        } catch (IllegalArgumentException e) {
            return new Refused("'" + key + "' is not a task key (s<statement>:<loop values>)");
        }
        ProgramAnalysis a = job.analysis();
        if (node.statement() >= a.statementCount()) {
            return new Refused("task " + key + ": program " + a.program().name() + " has no statement " + node.statement()
                    + " (it has " + a.statementCount() + ")");
        }
        int depth = a.loopVariables(node.statement()).size();
        if (node.loopCount() != depth) {
            return new Refused("task " + key + ": statement " + node.statement() + " takes " + depth + " loop values, got " + node.loopCount());
        }
        try {
            if (!a.contains(node)) {
                return new Refused("task " + key + " is outside the iteration domain of statement " + node.statement()
                        + " (loop bounds or If conditions for " + a.loopVariables(node.statement()) + ")");
            }
        } catch (RuntimeException e) {
            // an index expression that cannot be evaluated at these values (e.g. log2 of a negative)
            return new Refused("task " + key + ": its loop values cannot be evaluated: " + e.getMessage());
        }
        return new Accepted(node);
    }
}
