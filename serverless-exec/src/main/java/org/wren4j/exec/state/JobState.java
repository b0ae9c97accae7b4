package org.wren4j.exec.state;

import java.util.Optional;

/** A snapshot of a job's progress. */
public record JobState(JobStatus status, long completed, long total, Optional<String> error) {
}
