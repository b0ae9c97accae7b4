package org.wren4j.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Jupyter for the notebook runs: Debian's {@code jupyter} (nbconvert + nbclient) and the rapaio
 * Java kernel installed as a kernelspec in a data directory inside the build.
 */
final class JupyterSetup {
    /** The kernelspec name rapaio's own installer uses, so the notebooks open as they are on a user's machine. */
    static final String KERNEL_NAME = "rapaio-jupyter-kernel";
    static final String INSTALL_HINT = "apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-client"
            + " (.ci/run does this), or point -Dwren4j.notebooks.jupyter at another jupyter command";

    private JupyterSetup() {
    }

    /** Fails, naming what to install, when Jupyter or its nbconvert cannot run here. */
    static void requireJupyter(Path jupyter) {
        if (!Files.isExecutable(jupyter)) {
            throw new AssertionError("Jupyter is missing: " + jupyter + " does not exist; the notebooks cannot run. Install it: "
                    + INSTALL_HINT);
        }
    }

    /** Writes the kernelspec {@value #KERNEL_NAME} under {@code dataDir/kernels}, running the kernel jar on this JVM's Java. */
    static Path installKernel(Path dataDir, Path kernelJar, Path javaHome) {
        if (!Files.isRegularFile(kernelJar)) {
            throw new AssertionError("the rapaio kernel jar is missing: " + kernelJar + " (the build copies it from Maven Central)");
        }
        Path dir = dataDir.resolve("kernels").resolve(KERNEL_NAME);
        List<String> argv = List.of(javaHome.resolve("bin/java").toString(), "-cp", kernelJar.toAbsolutePath().toString(),
                "org.rapaio.jupyter.kernel.MainApp", "{connection_file}");
        String json = "{\n  \"argv\": [" + argv.stream().map(JupyterSetup::quote).collect(Collectors.joining(", ")) + "],\n"
                + "  \"display_name\": \"Java (rjk 3.0.1)\",\n  \"language\": \"java\",\n  \"interrupt_mode\": \"message\",\n"
                + "  \"env\": {}\n}\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kernel.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the kernelspec in " + dir + " failed", e);
        }
        return dir;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
