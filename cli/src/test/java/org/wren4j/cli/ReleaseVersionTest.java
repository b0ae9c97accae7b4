package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One release version: the parent POM's. Maven reads a module's parent version and the BOM's own
 * version only as literals, so each POM repeats it; this test fails when any module POM, or the
 * README's BOM coordinates, name another (RELEASING.md has the one command that changes them all).
 */
class ReleaseVersionTest {
    private static final Pattern PARENT = Pattern.compile("<artifactId>wren4j-parent</artifactId>\\s*<version>([^<]+)</version>");
    /** The first wren4j artifact with a version in a module POM: its parent reference, or the BOM's own coordinates. */
    private static final Pattern FIRST = Pattern.compile("<artifactId>(wren4j-[a-z-]+)</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern README_BOM = Pattern.compile("<artifactId>wren4j-bom</artifactId><version>([^<]+)</version>");

    @Test
    void theModulesTheBomAndTheReadmeNameTheParentsVersion() throws IOException {
        assertThat(disagreements(PublicApi.ROOT)).isEmpty();
        assertThat(version(PublicApi.ROOT)).as("release version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void aModuleOnAnotherVersionIsReported(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), """
                <project><groupId>org.wren4j</groupId><artifactId>wren4j-parent</artifactId>
                  <version>0.2.0</version>
                  <modules><module>bom</module><module>api</module><module>cli</module></modules></project>""");
        write(root.resolve("bom/pom.xml"), "<project><groupId>org.wren4j</groupId><artifactId>wren4j-bom</artifactId><version>0.2.0</version></project>");
        write(root.resolve("api/pom.xml"), "<project><parent><artifactId>wren4j-parent</artifactId><version>0.2.0</version></parent></project>");
        write(root.resolve("cli/pom.xml"), "<project><parent><artifactId>wren4j-parent</artifactId>\n<version>0.1.0-SNAPSHOT</version></parent></project>");
        Files.writeString(root.resolve("README.md"), "<artifactId>wren4j-bom</artifactId><version>0.1.0</version>");
        assertThat(disagreements(root)).containsExactly(
                "cli/pom.xml names wren4j-parent 0.1.0-SNAPSHOT, not 0.2.0",
                "README.md names wren4j-bom 0.1.0, not 0.2.0");
    }

    static List<String> disagreements(Path root) throws IOException {
        String version = version(root);
        String parent = Files.readString(root.resolve("pom.xml"));
        var out = new ArrayList<String>();
        for (String module : MODULE.matcher(parent).results().map(m -> m.group(1)).toList()) {
            Matcher m = FIRST.matcher(Files.readString(root.resolve(module).resolve("pom.xml")));
            if (!m.find()) {
                out.add(module + "/pom.xml names no wren4j version");
            } else if (!m.group(2).equals(version)) {
                out.add(module + "/pom.xml names " + m.group(1) + " " + m.group(2) + ", not " + version);
            }
        }
        Matcher bom = README_BOM.matcher(Files.readString(root.resolve("README.md")));
        while (bom.find()) {
            if (!bom.group(1).equals(version)) {
                out.add("README.md names wren4j-bom " + bom.group(1) + ", not " + version);
            }
        }
        return out;
    }

    private static String version(Path root) throws IOException {
        Matcher m = PARENT.matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(m.find()).as("the parent POM's version").isTrue();
        return m.group(1);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
