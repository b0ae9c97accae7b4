package org.wren4j.exec.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a child process for integration tests: started from a command line, its output
 * kept (for failure messages), ready once it printed a line and accepts connections on its port
 * on 127.0.0.1. It can be killed (SIGKILL), frozen (SIGSTOP, then SIGCONT) and started again
 * with the same command, as an operator or a crash would.
 */
final class ServerProcess {
    private final String name;
    private final List<String> command;
    private final int port;
    private final String ready;
    private final Duration startTimeout;
    private final StringBuffer output = new StringBuffer();
    private Process process;

    /**
     * @param ready what the server prints once it serves
     */
    ServerProcess(String name, List<String> command, int port, String ready, Duration startTimeout) {
        this.name = name;
        this.command = List.copyOf(command);
        this.port = port;
        this.ready = ready;
        this.startTimeout = startTimeout;
    }

    /** Starts the process and waits until it serves; throws with its output if it exits or takes too long. */
    synchronized void start() {
        output.setLength(0);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
        Process p = process;
        Thread reader = new Thread(() -> copy(p.getInputStream()), name + "-" + port + "-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " on port " + port + " exited with " + p.exitValue() + ":\n" + output);
            }
            if (output.indexOf(ready) >= 0 && accepts(port)) {
                return;
            }
            sleep(10);
        }
        p.destroyForcibly();
        throw new IllegalStateException(name + " on port " + port + " did not start within " + startTimeout.toSeconds() + " s:\n" + output);
    }

    /** Starts it again (killing it first if it runs), retrying for {@code within} while the port lingers after the kill. */
    synchronized void restart(Duration within) {
        if (process != null && process.isAlive()) {
            kill();
        }
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                start();
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(100);
            }
        }
    }

    private void copy(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    static boolean accepts(int port) {
        try (var s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills it with SIGKILL (no shutdown) and waits until it is gone; a frozen one too. */
    synchronized void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " on port " + port + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Freezes it with SIGSTOP and lets it go on with SIGCONT after {@code time}, on a thread of
     * its own: meanwhile connections are accepted by the kernel but nothing answers.
     */
    synchronized void freeze(Duration time) {
        Process frozen = process;
        signal("STOP", frozen.pid());
        Thread thaw = new Thread(() -> {
            try {
                Thread.sleep(time.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (frozen.isAlive()) { // not killed meanwhile (a restart kills a frozen server too)
                    signal("CONT", frozen.pid());
                }
            }
        }, name + "-thaw");
        thaw.setDaemon(true);
        thaw.start();
    }

    static void signal(String signal, long pid) {
        try {
            int status = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            if (status != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized ProcessHandle handle() {
        return process.toHandle();
    }

    synchronized boolean started() {
        return process != null;
    }

    String output() {
        return output.toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
