package org.wren4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directories of worker logs that {@code --launcher processes} makes, one per client
 * ({@code wren4j-workers...} in the temporary directory), each marked with its client's process,
 * and their removal by {@code jobs gc} once their client and every worker that wrote there have
 * ended: nothing runs a job there any more, whether the client closed or was killed.
 */
final class WorkerLogs {
    static final String PREFIX = "wren4j-workers";
    /** The marker: the client's process id and start time in epoch milliseconds. */
    static final String CLIENT = "client";

    private WorkerLogs() {
    }

    /** A new directory for this client's worker logs, marked as this process's. */
    static Path create() {
        try {
            Path dir = Files.createTempDirectory(PREFIX);
            ProcessHandle me = ProcessHandle.current();
            Files.writeString(dir.resolve(CLIENT), me.pid() + " " + me.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for worker logs", e);
        }
    }

    /** The directories the temporary directory holds. */
    static Path parent() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Removes the marked worker log directories in {@code parent} owned by this user whose client
     * and workers have all ended; returns them. A directory without the marker is not one of ours
     * and stays.
     */
    static List<Path> collect(Path parent) {
        List<Path> candidates;
        try (Stream<Path> dirs = Files.list(parent)) {
            candidates = dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(d)
                    && Files.isRegularFile(d.resolve(CLIENT)) && ownedByMe(d)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
        var removed = new ArrayList<Path>();
        if (candidates.isEmpty()) {
            return removed;
        }
        List<List<String>> commandLines = ProcessHandle.allProcesses().map(p -> p.info().arguments())
                .flatMap(Optional::stream).map(List::of).toList();
        for (Path dir : candidates) {
            if (clientAlive(dir) || commandLines.stream().anyMatch(args -> names(args, dir))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
                removed.add(dir);
            } catch (IOException e) {
                // another gc took it, or a file we may not delete: it stays for the next
            }
        }
        return removed;
    }

    private static boolean ownedByMe(Path dir) {
        try {
            return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether the marked client still runs (the same process: a reused id starts at another time). */
    private static boolean clientAlive(Path dir) {
        try {
            String[] f = Files.readString(dir.resolve(CLIENT)).strip().split(" ");
            long pid = Long.parseLong(f[0]);
            long started = Long.parseLong(f[1]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> started < 0 || p.info().startInstant().map(Instant::toEpochMilli).orElse(started) == started).orElse(false);
        } catch (IOException | RuntimeException e) {
            return true; // unreadable: keep it rather than guess
        }
    }

    /** Whether a command line names a file in {@code dir}: a worker writing there (its options file is there). */
    private static boolean names(List<String> args, Path dir) {
        String prefix = dir.toString() + File.separator;
        return args.stream().anyMatch(a -> a.startsWith(prefix) || a.contains("=" + prefix));
    }
}
