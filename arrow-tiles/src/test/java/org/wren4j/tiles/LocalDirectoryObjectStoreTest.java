package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.spi.ObjectStore;

class LocalDirectoryObjectStoreTest extends AbstractObjectStoreTest {
    @TempDir
    Path dir;

    @Override
    protected ObjectStore createStore() {
        return new LocalDirectoryObjectStore(dir.resolve("store"));
    }

    private Path root() {
        return ((LocalDirectoryObjectStore) store).root();
    }

    @Test
    void aCrashedWriteLeavesNoObjectUnderTheRealName() throws Exception {
        // What a crash mid-write leaves behind: a partial temporary file beside the target.
        Files.createDirectories(root().resolve("m"));
        Files.write(root().resolve("m/.0_0.5f0c.wren4j-tmp"), new byte[] {1, 2});
        assertThat(store.get("m/0_0").toCompletableFuture().join()).isEmpty();
        assertThat(store.list("m/").toCompletableFuture().join()).isEmpty();
        assertThat(store.putIfAbsent("m/0_0", bytes(9, 1)).toCompletableFuture().join()).isEqualTo(ObjectStore.PutResult.CREATED);
        assertThat(store.list("m/").toCompletableFuture().join()).containsExactly("m/0_0");
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws Exception {
        store.putIfAbsent("a/b", bytes(100, 1)).toCompletableFuture().join();
        store.putIfAbsent("a/b", bytes(100, 2)).toCompletableFuture().join();
        store.put("a/c", bytes(100, 3)).toCompletableFuture().join();
        try (var files = Files.list(root().resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("b", "c");
        }
    }

    @Test
    void deletePrunesEmptyDirectories() {
        store.put("x/y/z", bytes(1, 1)).toCompletableFuture().join();
        store.delete("x/y/z").toCompletableFuture().join();
        assertThat(root().resolve("x")).doesNotExist();
        assertThat(root()).exists();
    }

    @Test
    void keysThatEscapeTheRootOrHideAsTemporaryFilesAreRejected() {
        for (String bad : new String[] {"../x", "a/../../x", "/abs", "a//b", "a/", "", "a/.b.wren4j-tmp", "a/./b"}) {
            assertThatThrownBy(() -> store.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aKeyPrefixIsNotAnObject() {
        store.put("dir/file", bytes(1, 1)).toCompletableFuture().join();
        assertThat(store.get("dir").toCompletableFuture().join()).isEmpty();
    }

    @Test
    void callsAfterCloseFailClearly() {
        store.close();
        assertThatThrownBy(() -> store.get("a").toCompletableFuture().join()).hasCauseInstanceOf(TileException.class)
                .hasMessageContaining("closed").hasMessageContaining(root().toString());
    }
}
