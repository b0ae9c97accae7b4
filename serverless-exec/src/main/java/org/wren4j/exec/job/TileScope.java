package org.wren4j.exec.job;

import org.wren4j.planner.lambdapack.MatrixDecl;

/**
 * The tiles a job's tasks may read and write: its temporaries under {@code tmp/<job id>/}, and
 * the stored matrices its client declared as the program's inputs and outputs. Every tile key a
 * task touches comes from its job's {@link MatrixBinding}s, and every spec a worker runs passes
 * this check first (in {@link JobRegistry}, the one place a spec becomes a runnable job), so no
 * message can make a task reach past it: a message names only a job and a task, and a job's
 * spec is certified by its {@link JobKey}.
 */
public final class TileScope {
    /** Where the temporaries of every job live, one folder per job. */
    public static final String TEMPORARY_PREFIX = "tmp/";

    private TileScope() {
    }

    /** A spec binds a matrix outside its job's scope. */
    public static final class OutOfScopeException extends IllegalArgumentException {
        OutOfScopeException(String message) {
            super(message);
        }
    }

    /** The folder of {@code jobId}'s temporaries. */
    public static String temporaries(String jobId) {
        return TEMPORARY_PREFIX + jobId + "/";
    }

    /**
     * Checks every binding of {@code spec}: a temporary under the job's folder; an input or output
     * a well-formed name that is not another job's temporary nor a stored job spec.
     *
     * @throws OutOfScopeException naming the job, the program matrix and its store name
     */
    public static void check(JobSpec spec) {
        String own = temporaries(spec.jobId());
        for (MatrixDecl m : spec.program().matrices()) {
            String name = spec.binding(m.name()).storeMatrix();
            String problem = malformed(name);
            if (problem == null && m.role() == MatrixDecl.Role.TEMP && !name.startsWith(own)) {
                problem = "a temporary must be under " + own;
            } else if (problem == null && name.startsWith(TEMPORARY_PREFIX) && !name.startsWith(own)) {
                problem = "it is another job's temporary";
            } else if (problem == null && name.startsWith(JobSpecStore.PREFIX)) {
                problem = "it is where job specs are stored";
            }
            if (problem != null) {
                throw new OutOfScopeException("job " + spec.jobId() + " binds its matrix " + m.name() + " (" + m.role().name().toLowerCase(
                        java.util.Locale.ROOT) + ") to '" + name + "', outside the job's tiles: " + problem);
            }
        }
    }

    /** Why {@code name} is not a store matrix name, or null: relative, no empty, {@code .} or {@code ..} segment, no control character. */
    private static String malformed(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
            return "not a relative name";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                return "a name may not have an empty, '.', '..' or '\\' segment";
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "a name may not hold a control character";
            }
        }
        return null;
    }
}
