package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.spi.ObjectStore;

/**
 * An {@link ObjectStore} over a local directory: key {@code a/b/c} is the file {@code root/a/b/c}.
 * Every write goes to a hidden temporary file in the target directory first, so a crash never
 * leaves a partial object under its real name: {@link #putIfAbsent} publishes it with a hard
 * link (which fails if the name exists, so concurrent creators cannot overwrite each other) and
 * {@link #put} with an atomic rename. With {@code durable} the file and its directory are synced
 * before the call completes. Leftover temporary files are never listed or read. Blocking file
 * calls run on the store's own threads, never the caller's.
 */
public final class LocalDirectoryObjectStore implements ObjectStore {
    private static final String TEMP_SUFFIX = ".wren4j-tmp";
    private static final int PUBLISH_ATTEMPTS = 8;

    private final Path root;
    private final boolean durable;
    private final ExecutorService io;

    /** A durable store under {@code root}, created if missing. */
    public LocalDirectoryObjectStore(Path root) {
        this(root, true, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param durable sync each file and directory before completing a write (off: faster, and a
     *     power loss may lose recent writes, but never exposes a partial object)
     * @param ioThreads threads for blocking file calls
     */
    public LocalDirectoryObjectStore(Path root, boolean durable, int ioThreads) {
        requireNonNull(root, "root is null");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be >= 1, got " + ioThreads);
        }
        this.root = root.toAbsolutePath().normalize();
        this.durable = durable;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new TileException("cannot create tile directory " + this.root + ": " + e, e);
        }
        var count = new AtomicInteger();
        this.io = Executors.newFixedThreadPool(ioThreads, r -> {
            Thread t = new Thread(r, "wren4j-local-store-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Path root() {
        return root;
    }

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        Path target = resolve(key);
        return call("PUT-IF-ABSENT", key, () -> publish(target, bytes, false) ? PutResult.CREATED : PutResult.EXISTED);
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        Path target = resolve(key);
        return call("PUT", key, () -> {
            publish(target, bytes, true);
            return null;
        });
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        Path target = resolve(key);
        return call("GET", key, () -> {
            try {
                return Optional.of(Files.readAllBytes(target));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                if (Files.isDirectory(target)) {
                    return Optional.empty(); // a key prefix, not an object
                }
                throw e;
            }
        });
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        Path target = resolve(key);
        return call("DELETE", key, () -> {
            if (Files.isRegularFile(target) && Files.deleteIfExists(target)) {
                prune(target.getParent());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        requireNonNull(prefix, "prefix is null");
        int slash = prefix.lastIndexOf('/');
        Path base = slash < 0 ? root : resolve(prefix.substring(0, slash));
        return call("LIST", prefix, () -> {
            var keys = new ArrayList<String>();
            if (Files.isDirectory(base)) {
                Files.walkFileTree(base, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        if (attrs.isRegularFile() && !name.endsWith(TEMP_SUFFIX)) {
                            String key = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                            if (key.startsWith(prefix)) {
                                keys.add(key);
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof NoSuchFileException) {
                            return FileVisitResult.CONTINUE; // deleted while we walked
                        }
                        throw e;
                    }
                });
            }
            keys.sort(null);
            return List.copyOf(keys);
        });
    }

    /** @return false if {@code overwrite} is off and the target already existed */
    private boolean publish(Path target, byte[] bytes, boolean overwrite) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
            try {
                Files.createDirectories(target.getParent());
                write(temp, bytes);
                boolean created = overwrite ? replace(temp, target) : link(temp, target);
                if (created && durable) {
                    syncDirectory(target.getParent());
                }
                return created;
            } catch (NoSuchFileException e) {
                // A concurrent delete pruned the directory between mkdir and write; try again.
                if (attempt >= PUBLISH_ATTEMPTS) {
                    throw e;
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static boolean link(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            // No hard links on this file system: a plain move refuses an existing target, but
            // only checks before renaming, so racing creators are not fully excluded here.
            try {
                Files.move(temp, target);
                return true;
            } catch (FileAlreadyExistsException exists) {
                return false;
            }
        }
    }

    private static boolean replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    private void write(Path temp, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (durable) {
                ch.force(true);
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for sync; the file itself was synced.
        }
    }

    /** Removes directories left empty by a delete, up to the root; a concurrent writer wins. */
    private void prune(Path dir) {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    private Path resolve(String key) {
        requireNonNull(key, "key is null");
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid object key '" + key + "'");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.endsWith(TEMP_SUFFIX)) {
                throw new IllegalArgumentException("invalid object key '" + key + "': bad segment '" + segment + "'");
            }
        }
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("object key '" + key + "' escapes " + root);
        }
        return p;
    }

    private interface IoCall<T> {
        T run() throws IOException;
    }

    private <T> CompletionStage<T> call(String op, String key, IoCall<T> body) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return body.run();
                } catch (IOException e) {
                    throw new TileException(describe() + ": " + op + " " + key + " failed: " + e, e);
                }
            }, io);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new TileException(describe() + ": " + op + " " + key + " after the store was closed"));
        }
    }

    /** The usable space of the file system under the root; empty if it cannot be read. */
    @Override
    public OptionalLong usableBytes() {
        try {
            return OptionalLong.of(Files.getFileStore(root).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String describe() {
        return "file://" + root;
    }

    @Override
    public void close() {
        io.shutdown();
    }
}
