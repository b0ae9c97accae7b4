package org.wren4j.exec.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.wren4j.exec.worker.TileCache;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.exec.worker.WorkerHost;
import org.wren4j.tiles.FaultInjectingObjectStore;
import org.wren4j.spi.ObjectStore;

/**
 * The entry point of one worker outside a client: an OS process ({@code java ... WorkerMain
 * --redis URI --sqs URL --bucket B [--s3 URL] [--pipeline N] ...}, or {@code wren4j worker ...})
 * and, through {@link #runWorker}, a Lambda invocation. It joins the services, runs one
 * single-core worker until it is idle for its idle timeout or its runtime limit is near, and exits 0.
 *
 * <p>Options may also come from a file, {@code --options-file PATH}, one argument per line, so
 * that secrets such as a Redis password never appear on a command line ({@code ps},
 * {@code /proc/PID/cmdline} are readable by every user); such a file must not be readable by
 * group or others. With {@code --options-file-once PATH} the worker deletes the file once it has
 * read it, so no copy of a password outlives the worker's start, even when whoever wrote it is
 * killed before it could clean up.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] argv) {
        Map<String, String> options;
        try {
            options = parse(List.of(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("wren4j worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        runWorker(options);
        System.exit(0);
    }

    /** The option naming a file of further arguments, one per line. */
    public static final String OPTIONS_FILE = "options-file";
    /** As {@link #OPTIONS_FILE}, and the file is deleted once read (one file per worker). */
    public static final String OPTIONS_FILE_ONCE = "options-file-once";

    /**
     * {@code --name value} pairs; only the names of {@link ServiceEndpoints#OPTIONS} and
     * {@link WorkerOptions#OPTIONS}, and {@code --options-file PATH} (or {@code --options-file-once
     * PATH}, which deletes the file once read), whose arguments come first (the command line's
     * own options override them).
     */
    public static Map<String, String> parse(List<String> argv) {
        var m = new LinkedHashMap<String, String>();
        parseInto(argv, m, true);
        return m;
    }

    private static void parseInto(List<String> argv, Map<String, String> m, boolean fileAllowed) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = argv.get(++i);
            }
            if ((name.equals(OPTIONS_FILE) || name.equals(OPTIONS_FILE_ONCE)) && fileAllowed) {
                var fromFile = new LinkedHashMap<String, String>();
                List<String> lines = readOptionsFile(Path.of(value));
                if (name.equals(OPTIONS_FILE_ONCE)) {
                    delete(Path.of(value));
                }
                parseInto(lines, fromFile, false);
                fromFile.forEach(m::putIfAbsent);
                continue;
            }
            if (!ServiceEndpoints.OPTIONS.contains(name) && !WorkerOptions.OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            m.put(name, value);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot delete the options file " + file + " after reading it: " + e.getMessage(), e);
        }
    }

    /** The arguments of an options file, one per line; refused if group or others may read it. */
    static List<String> readOptionsFile(Path file) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        try {
            if (posix != null) {
                var perms = posix.readAttributes().permissions();
                if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new IllegalArgumentException("the options file " + file + " may be read by other users (mode "
                            + PosixFilePermissions.toString(perms) + "); it can hold a password: chmod 600 it");
                }
            }
            return Files.readAllLines(file).stream().filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the options file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code args} to a new file readable by its owner only, one per line, for
     * {@code --options-file}.
     *
     * @throws IllegalArgumentException if an argument holds a line break
     */
    public static Path writeOptionsFile(Path dir, List<String> args) {
        return writeOptionsFile(dir, "worker-options", args);
    }

    /**
     * Writes {@code args} to a new file {@code name} in {@code dir} readable by its owner only,
     * one per line, for {@code --options-file} or {@code --options-file-once}.
     *
     * @throws IllegalArgumentException if an argument holds a line break
     */
    public static Path writeOptionsFile(Path dir, String name, List<String> args) {
        for (String a : args) {
            if (a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a worker argument holds a line break: " + a.replaceAll("[\r\n].*", "") + "...");
            }
        }
        try {
            Path file = dir.resolve(name);
            Files.deleteIfExists(file);
            if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.write(file, args);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the worker options file in " + dir, e);
        }
    }

    /** Joins the services named in {@code options}, runs one worker to its end, and closes everything. */
    public static void runWorker(Map<String, String> options) {
        ServiceEndpoints endpoints = ServiceEndpoints.fromMap(options);
        WorkerConfig config = WorkerOptions.config(options);
        try (Services services = Services.open(endpoints, faults(WorkerOptions.storeFaults(options)))) {
            runWorker(services, config);
        }
    }

    /** Runs one worker on open services until it exits; the services stay open. */
    public static void runWorker(Services services, WorkerConfig config) {
        try (var host = new WorkerHost(services.queue(), services.state(), services.store(), config,
                2 * config.pipelineWidth(), TileCache.ofHeapFraction(0.3))) {
            host.newWorker().run();
        }
    }

    /** Transient failures of a fraction of tile reads and writes (some writes take effect and lose their answer). */
    public static UnaryOperator<ObjectStore> faults(double rate) {
        if (rate <= 0) {
            return UnaryOperator.identity();
        }
        var options = FaultInjectingObjectStore.Options.builder()
                .seed(ProcessHandle.current().pid() ^ System.nanoTime())
                .failureRate(rate)
                .lostResponseRate(rate / 2)
                .operations(EnumSet.of(FaultInjectingObjectStore.Operation.GET, FaultInjectingObjectStore.Operation.PUT_IF_ABSENT))
                .build();
        return o -> new FaultInjectingObjectStore(o, options);
    }
}
