package org.wren4j.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CloudFormation resource specification, as npm's {@code @aws-cdk/cfnspec} ships it
 * ({@code spec/specification.json}). Taken from {@code -Dwren4j.cfnspec=FILE} if given, else from
 * a per-user cache, installed there with npm on first use (CI's {@code .ci/run} makes sure npm is
 * there on a fresh machine). Without npm the test fails saying how to get it: a template check
 * that silently passed would be worth nothing.
 */
final class CfnSpec {
    static final String PACKAGE = "@aws-cdk/cfnspec";
    /** Pinned: the same specification on every machine. */
    static final String VERSION = "2.72.1";

    private CfnSpec() {
    }

    static Path specification() {
        String given = System.getProperty("wren4j.cfnspec");
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            if (!Files.isRegularFile(p)) {
                throw new AssertionError("-Dwren4j.cfnspec=" + given + " is not a file (it should be " + PACKAGE
                        + "'s spec/specification.json)");
            }
            return p;
        }
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "wren4j", "cfnspec-" + VERSION);
        Path spec = dir.resolve("node_modules/@aws-cdk/cfnspec/spec/specification.json");
        if (!Files.isRegularFile(spec)) {
            install(dir);
        }
        if (!Files.isRegularFile(spec)) {
            throw new AssertionError("npm installed " + PACKAGE + "@" + VERSION + " into " + dir + " but " + spec + " is not there");
        }
        return spec;
    }

    private static void install(Path dir) {
        List<String> command = List.of("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund", "--ignore-scripts",
                "--no-save", PACKAGE + "@" + VERSION);
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("npm-install.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " took more than 5 minutes; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(log).strip());
            }
        } catch (IOException e) {
            throw new AssertionError("the CloudFormation resource specification comes from npm (" + PACKAGE + "@" + VERSION
                    + "), and running npm failed: " + e.getMessage() + "; install Node.js and npm (Debian: apt-get install npm)"
                    + " or pass -Dwren4j.cfnspec=<path to its spec/specification.json>", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while installing " + PACKAGE, e);
        }
    }
}
