package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code services} keeps its directory, and so the flags file, under {@code $HOME}, where the
 * README's {@code $(cat ~/.wren4j/services/flags)} reads it, even when Java's {@code user.home}
 * (from the passwd entry) says otherwise, as in some containers. No server is started here.
 */
class ServicesHomeTest {
    @TempDir
    Path tmp;

    @Test
    void theDirectoryFollowsHomeWhenSetElseUserHome() {
        assertThat(ServicesCommand.defaultDir(Map.of("HOME", tmp.toString()), "/passwd/home"))
                .isEqualTo(tmp.resolve(".wren4j/services"));
        assertThat(ServicesCommand.defaultDir(Map.of(), "/passwd/home")).isEqualTo(Path.of("/passwd/home/.wren4j/services"));
        assertThat(ServicesCommand.defaultDir(Map.of("HOME", ""), "/passwd/home")).isEqualTo(Path.of("/passwd/home/.wren4j/services"));
    }

    /** A process with HOME unlike user.home: 'services down' (which starts nothing) names the directory it uses. */
    @Test
    void aProcessWithAnotherHomeUsesItAndTheShellsTildeAgrees() throws IOException, InterruptedException {
        Path home = tmp.resolve("container-home");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var pb = new ProcessBuilder(java, "-Duser.home=" + tmp.resolve("passwd-home"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "services", "down").redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).isEqualTo("stopped 0 local services of " + home.resolve(".wren4j/services") + "; their data stays for the next 'services up'");

        // the README's command reads ~/.wren4j/services/flags: the shell's ~ is $HOME
        var shell = new ProcessBuilder(List.of("sh", "-c", "echo ~/.wren4j/services/flags"));
        shell.environment().put("HOME", home.toString());
        Process s = shell.start();
        String tilde = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(s.waitFor()).isZero();
        assertThat(Path.of(tilde)).isEqualTo(ServicesCommand.defaultDir(Map.of("HOME", home.toString()), "/elsewhere").resolve("flags"));
    }
}
