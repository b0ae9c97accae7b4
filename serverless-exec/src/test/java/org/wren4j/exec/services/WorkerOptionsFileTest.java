package org.wren4j.exec.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker options from a file readable by its owner only, so a password stays off command lines. */
class WorkerOptionsFileTest {
    @TempDir
    Path dir;

    @Test
    void optionsComeFromTheFileAndTheCommandLineOverridesThem() throws IOException {
        Path f = WorkerMain.writeOptionsFile(dir, List.of("--redis", "redis://:pw@127.0.0.1:6379", "--sqs", "http://127.0.0.1:9324",
                "--queue", "fromfile", "--bucket", "b"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        var options = WorkerMain.parse(List.of("--options-file", f.toString(), "--queue", "q2"));
        assertThat(options).containsEntry("redis", "redis://:pw@127.0.0.1:6379").containsEntry("queue", "q2")
                .containsEntry("bucket", "b").doesNotContainKey("options-file");
    }

    @Test
    void aFileReadOnceIsDeletedOnceRead() throws IOException {
        Path f = WorkerMain.writeOptionsFile(dir, "worker-7.options", List.of("--redis", "redis://:pw@127.0.0.1:6379", "--bucket", "b"));
        assertThat(f).isEqualTo(dir.resolve("worker-7.options"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        var options = WorkerMain.parse(List.of("--options-file-once", f.toString()));
        assertThat(options).containsEntry("redis", "redis://:pw@127.0.0.1:6379").containsEntry("bucket", "b");
        assertThat(f).doesNotExist();
        // a plain options file stays: a user's own
        Path kept = WorkerMain.writeOptionsFile(dir, List.of("--bucket", "b"));
        WorkerMain.parse(List.of("--options-file", kept.toString()));
        assertThat(kept).exists();
    }

    @Test
    void aFileOthersMayReadIsRefused() throws IOException {
        Path f = WorkerMain.writeOptionsFile(dir, List.of("--redis", "redis://:pw@h:1"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> WorkerMain.parse(List.of("--options-file", f.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the options file " + f + " may be read by other users (mode rw-r--r--); it can hold a password: chmod 600 it");
    }

    @Test
    void aFileCannotNameAnotherFileOrUnknownOptions() {
        Path f = WorkerMain.writeOptionsFile(dir, List.of("--options-file", "/etc/passwd"));
        assertThatThrownBy(() -> WorkerMain.parse(List.of("--options-file", f.toString())))
                .hasMessage("unknown option --options-file");
        assertThatThrownBy(() -> WorkerMain.parse(List.of("--options-file", dir.resolve("missing").toString())))
                .hasMessageStartingWith("cannot read the options file " + dir.resolve("missing"));
    }

    @Test
    void anArgumentWithALineBreakIsRefused() {
        assertThatThrownBy(() -> WorkerMain.writeOptionsFile(dir, List.of("--queue", "a\n--redis")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }
}
