package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What notebooks show: the matrix card, the job report with units, and explain()'s two levels. */
class DisplayTest {
    private static final String STORED_FILL = "fill=\"#8ecae6\"";
    private static final String MIRRORED_FILL = "fill=\"#d4ecf5\"";
    private static Wren wren;

    @BeforeAll
    static void start() {
        wren = Wren.builder().workers(2).build();
    }

    @AfterAll
    static void stop() {
        wren.close();
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aLazyMatrixIsDrawnWithoutComputingAnything() {
        String html;
        try (Wren own = Wren.builder().workers(1).build()) {
            html = own.randomSpd(10, 4, 1).cholesky().toHtml();
            assertThat(own.lastJob()).as("drawing ran no job").isEmpty();
        }
        assertThat(html).contains("10 × 10").contains("3 × 3 of 4 × 4").contains("lazy, not computed: cholesky(")
                .contains("lower-triangular").contains("stroke-dasharray").contains("compute() it to see its values");
        // lazy tiles are drawn pale: none in the computed colour
        assertThat(count(html, STORED_FILL)).isZero();
    }

    @Test
    void aComputedMatrixShowsItsTopLeftValuesAndOnlyItsStoredTiles() {
        double[][] a = new double[9][7];
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 7; j++) {
                a[i][j] = (i + 1) * 10 + j + 0.25;
            }
        }
        BlockMatrix m = wren.fromArray(a, 4);
        String html = m.toHtml();
        assertThat(html).contains("9 × 7").contains("3 × 2 of 4 × 4").contains("general");
        // 3x2 tiles drawn, all stored
        assertThat(count(html, STORED_FILL)).isEqualTo(6);
        // the corner is tile (0, 0): 4 x 4 values, then a column and a row of ellipses
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(html).contains(">" + MatrixCard.value(a[i][j]) + "<");
            }
        }
        assertThat(html).doesNotContain(">" + MatrixCard.value(a[0][4]) + "<").doesNotContain(">" + MatrixCard.value(a[4][0]) + "<");
        assertThat(count(html, "⋯")).isEqualTo(4);
        assertThat(count(html, "⋮")).isEqualTo(4);

        BlockMatrix l = wren.randomSpd(10, 4, 2).cholesky().compute();
        String lower = l.toHtml();
        // 3x3 tiles, lower triangle stored: 6 drawn (the diagonal ones as triangles), 3 zero tiles not drawn
        assertThat(count(lower, STORED_FILL)).isEqualTo(6);
        assertThat(count(lower, "<polygon")).isEqualTo(3);
        assertThat(lower).contains("computed: the result of cholesky (scratch ").doesNotContain("stroke-dasharray");
        double[][] values = l.toArray();
        assertThat(lower).contains(">" + MatrixCard.value(values[1][0]) + "<").contains(">0<");

        String spd = wren.randomSpd(10, 4, 3).toHtml();
        assertThat(count(spd, STORED_FILL)).isEqualTo(6);
        // 3 tiles above the diagonal and the upper halves of the 3 diagonal tiles
        assertThat(count(spd, MIRRORED_FILL)).isEqualTo(6);
        assertThat(count(spd, "<polygon")).isEqualTo(6);
    }

    @Test
    void aSavedMatrixIsStoredUnderItsNameAndABigGridIsDrawnAsItsShape() {
        BlockMatrix saved = wren.fromArray(new double[][] {{1, 2}, {3, 4}}, 8).save("card-test");
        assertThat(saved.toHtml()).contains("stored as &#39;card-test&#39;").contains("1 × 1 of 8 × 8").contains(">4.0000<");

        BlockMatrix big = wren.placeholder(100_000, 100_000, 1000).asSpd();
        String html = big.toHtml();
        assertThat(html).contains("100,000 × 100,000").contains("100 × 100 of 1,000 × 1,000").contains("<polygon").doesNotContain("<rect x=\"0.00\"")
                .contains("placeholder ").contains("a placeholder has no values");
        assertThat(wren.random(3, 3, 2, 1).toHtml()).contains("computed: the matrix from random(");
    }

    @Test
    void textIsEscaped() {
        assertThat(Units.html("a<b & \"c\" 'd'>")).isEqualTo("a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
    }

    @Test
    void unitsReadAsPeopleWriteThem() {
        assertThat(Units.seconds(0.000_42)).isEqualTo("420 µs");
        assertThat(Units.seconds(0.0123)).isEqualTo("12.3 ms");
        assertThat(Units.seconds(1.25)).isEqualTo("1.25 s");
        assertThat(Units.seconds(200)).isEqualTo("3 min 20 s");
        assertThat(Units.seconds(3900)).isEqualTo("1 h 05 min");
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.bytes(12_400)).isEqualTo("12.4 kB");
        assertThat(Units.bytes(3_200_000)).isEqualTo("3.20 MB");
        assertThat(Units.bytes(1.07e9)).isEqualTo("1.07 GB");
        assertThat(Units.rate(2e8, 2)).isEqualTo("100 MB/s");
        assertThat(Units.rate(1, 0)).isEqualTo("n/a");
        assertThat(Units.percent(1, 4)).isEqualTo("25%");
    }

    @Test
    void aJobReportReadsWithUnits() {
        var r = new JobReport("j1", "cholesky", 816, 820, 12.5, 25.0, 2, 3_200_000_000L, 1_100_000_000L, 4.0, 20.0, 2.0,
                900_000_000L, 300_000_000L, 120, 4, List.of(), List.of());
        assertThat(r.toString()).isEqualTo("""
                job j1: cholesky
                  816 tasks (820 executions, 4 repeated) in 12.5 s on up to 2 workers
                  worker time 25.0 s provisioned, 80% of it computing (20.0 s); reading tiles 4.00 s, writing 2.00 s
                  tiles read 3.20 GB (800 MB/s), written 1.10 GB (550 MB/s)
                  intermediate tiles 900 MB written, at most 300 MB alive at once, 120 collected before the end""");
        String html = r.toHtml();
        assertThat(html).contains("<b>cholesky</b>").contains("80% of it computing").contains("computing 20.0 s")
                .contains("reading, writing, waiting 5.00 s");
        // the computing bar is 80% of the 360-pixel bar
        assertThat(html).contains("width=\"288.00\" height=\"14\" fill=\"#219ebc\"");
    }

    @Test
    void aRealJobsReportAndExplainAtBothLevels() {
        BlockMatrix x = wren.random(30, 5, 8, 4);
        BlockMatrix w = x.T().matmul(x).plus(wren.eye(5, 8)).solve(x.T().matmul(wren.random(30, 1, 8, 5)));
        String summary = w.explain();
        assertThat(summary).contains("rewritten:\n  trisolve_lower_t(·, ·)  5x1\n").contains("1 task   cholesky{")
                .doesNotContain("\nprogram ");
        assertThat(w.explain(Detail.PROGRAM)).startsWith("expression: ").contains("program ");
        assertThat(wren.explain(Detail.PROGRAM, w)).isEqualTo(w.explain(Detail.PROGRAM));
        w.compute();
        JobReport r = wren.lastJob().orElseThrow();
        assertThat(r.toString()).startsWith("job " + r.jobId() + ": ").contains(r.tasks() + " tasks");
        assertThat(r.toHtml()).contains("wren4j-job");
        // the timeline: one timing per execution, each ordered, drawn as one lane per worker
        assertThat(r.timeline()).hasSize((int) r.executions());
        for (TaskTiming t : r.timeline()) {
            assertThat(t.readStart()).isGreaterThanOrEqualTo(0);
            assertThat(t.readStart()).isLessThanOrEqualTo(t.readEnd());
            assertThat(t.readEnd()).isLessThanOrEqualTo(t.computeStart());
            assertThat(t.computeStart()).isLessThanOrEqualTo(t.computeEnd());
            assertThat(t.computeEnd()).isLessThanOrEqualTo(t.writeEnd());
            assertThat(t.writeEnd()).isLessThanOrEqualTo(r.seconds() + 0.01);
        }
        long workers = r.timeline().stream().map(TaskTiming::worker).distinct().count();
        assertThat(r.toHtml()).contains("worker " + workers + "</text>").doesNotContain("worker " + (workers + 1) + "</text>");
    }

    @Test
    void aTimelineDrawsALanePerWorkerABarPerExecutionAndALegendOfKernels() {
        var timeline = List.of(new TaskTiming("h/1/w-1", "s0:0", "chol", 0, 0.1, 0.1, 1.1, 1.3),
                new TaskTiming("h/1/w-2", "s1:1,0", "trsm_rlt", 1.3, 1.4, 1.4, 2.4, 2.5),
                new TaskTiming("h/1/w-1", "s1:2,0", "trsm_rlt", 1.3, 1.5, 1.5, 2.5, 2.6));
        var activity = List.of(new ActivitySample(0, 1, 1), new ActivitySample(1.2, 2, 2), new ActivitySample(2.5, 2, 0));
        var r = new JobReport("j2", "cholesky", 3, 3, 2.6, 5.2, 2, 1, 1, 0.5, 3.0, 0.4, 0, 0, 0, 0, timeline, activity);
        String svg = TimelineChart.svg(r.timeline(), r.activity());
        assertThat(svg).contains(">worker 1</text>").contains(">worker 2</text>").doesNotContain(">worker 3</text>");
        assertThat(svg).contains("<title>h/1/w-1</title>").contains("<title>h/1/w-2</title>");
        // 3 compute bars with their kernel, task and seconds; a legend with read, each kernel once, write
        assertThat(svg.split("<title>chol s0:0: 1.000 s</title>", -1)).hasSize(2);
        assertThat(svg.split("<title>trsm_rlt ", -1)).hasSize(3);
        assertThat(svg).contains(">read</text>").contains(">chol</text>").contains(">trsm_rlt</text>").contains(">write</text>");
        // the plot spans 2.6 s over 610 pixels from x=70: the first compute bar (0.1 .. 1.1 s) starts at 93.46 and is 234.62 wide
        assertThat(svg).contains("x=\"93.46\" y=\"7.5\" width=\"234.62\"");
        // the profile under the 2 lanes (top 44, 60 high, bottom 104): 2 tasks computing at most (1.4 .. 1.5 s), 2 workers,
        // 2 queued on the right-hand scale; workers step from 1 (y 75) to 2 (y 46) at 1.2 s (x 351.54)
        assertThat(svg).contains(">tasks computing</text>", ">workers alive</text>", ">tasks queued (right)</text>");
        assertThat(svg).contains("L351.54 75.00 L351.54 46.00");
        assertThat(svg.split("<path ", -1)).hasSize(4);
        assertThat(svg).contains(">0.0</text>").contains(">2.5</text>");
        assertThat(r.toHtml()).contains(svg);
        assertThat(TimelineChart.tickStep(2.6)).isEqualTo(0.5);
        assertThat(TimelineChart.tickStep(60)).isEqualTo(10);
        assertThat(TimelineChart.tickStep(0.012)).isEqualTo(0.002);
    }

    @Test
    void aTimelineLongerThanTheChartCanDrawShowsItsFirstExecutionsAndSaysSo() {
        var timeline = new java.util.ArrayList<TaskTiming>();
        for (int i = 0; i < TimelineChart.MAX_DRAWN + 10; i++) {
            timeline.add(new TaskTiming("w", "s0:" + i, "gemm", i, i, i, i + 0.5, i + 0.6));
        }
        String svg = TimelineChart.svg(timeline);
        assertThat(svg.split("<title>gemm ", -1)).hasSize(TimelineChart.MAX_DRAWN + 1);
        assertThat(svg).contains("the first 5,000 of 5,010 executions").doesNotContain("s0:5000:");
    }
}
