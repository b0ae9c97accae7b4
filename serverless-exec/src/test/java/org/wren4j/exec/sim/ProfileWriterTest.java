package org.wren4j.exec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.wren4j.planner.library.Programs;

class ProfileWriterTest {
    /** The fork-join of {@link SimulatorTest} on four workers, sampled at each 1 s step before that instant's completions. */
    private static Profile forkJoin() {
        return Simulator.run(SimulatorTest.spec(Programs.gemm(4), Map.of("M", 1L, "N", 1L, "K", 16L)),
                SimulatorTest.unit(4, Duration.ZERO)).profile();
    }

    @Test
    void csvHasOneRowPerStep() throws Exception {
        var out = new StringWriter();
        ProfileWriter.csv(forkJoin(), out);
        // 0 s: four leaves queued, four workers launched; 1 s: all four busy; 2 s: one runs the join
        assertThat(out.toString().split("\n")).containsExactly(
                "seconds,ready_tasks,running_workers,busy_workers", "0.000,4,4,0", "1.000,0,4,4", "2.000,0,1,1");
    }

    @Test
    void svgIsWellFormedWithOneLinePerSeries() throws Exception {
        var out = new StringWriter();
        ProfileWriter.svg(forkJoin(), "fork <join> & co", out);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        var lines = doc.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(lines.item(i).getAttributes().getNamedItem("points").getNodeValue().trim().split(" ")).hasSize(3);
        }
        assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("fork <join> & co");
    }

    @Test
    void aLongProfileKeepsAtMostItsLimitOfSamplesSpreadOverTheWholeRun() {
        Profile p = new Profile(1);
        int n = Profile.MAX_SAMPLES * 4 + 3;
        for (int i = 0; i < n; i++) {
            p.sample(i, i, 1, 1);
        }
        assertThat(p.size()).isLessThanOrEqualTo(Profile.MAX_SAMPLES).isGreaterThan(Profile.MAX_SAMPLES / 4);
        assertThat(p.seconds(0)).isZero();
        assertThat(p.seconds(p.size() - 1) * 1e9).isGreaterThan(n * 0.9);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.seconds(i)).isGreaterThan(p.seconds(i - 1));
        }
    }

    @Test
    void niceRoundsUpToOneTwoOrFive() {
        assertThat(ProfileWriter.nice(1800)).isEqualTo(2000);
        assertThat(ProfileWriter.nice(45760)).isEqualTo(50000);
        assertThat(ProfileWriter.nice(3)).isEqualTo(5);
        assertThat(ProfileWriter.nice(1)).isEqualTo(1);
    }
}
