package org.wren4j.exec.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A worker's thread runs its kernels at a lower CPU priority (nice 5 by default) than the rest of
 * the process and the machine: the I/O threads that write a finished task's tiles, the clients
 * of the queue and state, and any server sharing the cores. On a factorization's critical path
 * the next task waits for those writes, not for the other kernels, so a write stuck behind a
 * running kernel for its time slice delays the whole job (Cholesky n=8192 on 2 cores with local
 * Redis, ElasticMQ and s3proxy: 6.6 s at equal priority, 6.0 s with the servers ahead of the
 * kernels). Kernels lose nothing they would not lose anyway: the same cycles, in another order.
 * A single-core Lambda worker gains the same way, its own I/O ahead of its kernel.
 *
 * <p>Linux only, best effort: {@code renice} on the thread's id (an unprivileged process may
 * always lower its own priority). Elsewhere, or without {@code renice}, threads keep their
 * priority. {@code -Dwren4j.computeNice=0} turns it off.
 */
final class ComputePriority {
    static final int NICE = Integer.getInteger("wren4j.computeNice", 5);
    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    private ComputePriority() {
    }

    /** The nice value in a {@code /proc/.../stat} line (field 19; the command name may hold spaces and parentheses). */
    static int niceOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    /** Gives the calling thread the compute priority; returns whether it now has it. */
    static boolean lowerCurrentThread() {
        if (NICE <= 0 || !Files.isReadable(THREAD_STAT)) {
            return false;
        }
        try {
            String stat = Files.readString(THREAD_STAT);
            if (niceOf(stat) >= NICE) {
                return true; // already at or below it (the whole JVM may run niced)
            }
            String tid = stat.substring(0, stat.indexOf(' '));
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | RuntimeException e) {
            return false; // no renice here: the thread keeps its priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
