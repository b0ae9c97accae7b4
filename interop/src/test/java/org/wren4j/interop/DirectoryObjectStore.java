package org.wren4j.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.wren4j.tiles.ObjectStore;

/** A minimal local-directory object store for tests: keys are relative paths, writes go through a rename. */
final class DirectoryObjectStore implements ObjectStore {
    private final Path root;

    DirectoryObjectStore(Path root) {
        this.root = root;
    }

    private Path file(String key) {
        return root.resolve(key);
    }

    @Override
    public synchronized CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        return CompletableFuture.supplyAsync(() -> {
            Path f = file(key);
            try {
                Files.createDirectories(f.getParent());
                Path tmp = Files.createTempFile(f.getParent(), ".put", ".tmp");
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
                    return PutResult.CREATED;
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp);
                    return PutResult.EXISTED;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            try {
                Files.createDirectories(file(key).getParent());
                Files.write(file(key), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.exists(file(key)) ? Optional.of(Files.readAllBytes(file(key))) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return CompletableFuture.runAsync(() -> {
            try {
                Files.deleteIfExists(file(key));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        return CompletableFuture.supplyAsync(() -> {
            if (!Files.exists(root)) {
                return List.<String>of();
            }
            try (Stream<Path> s = Files.walk(root)) {
                return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(k -> k.startsWith(prefix) && !k.contains("/.put")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public String describe() {
        return "dir:" + root;
    }

    @Override
    public void close() {
    }
}
