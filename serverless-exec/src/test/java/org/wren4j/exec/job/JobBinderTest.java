package org.wren4j.exec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobBinder.BoundJob;
import org.wren4j.planner.expr.Cholesky;
import org.wren4j.planner.expr.Gram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Planner;
import org.wren4j.planner.rules.Rules;
import org.wren4j.tiles.MatrixManifest;
import org.wren4j.tiles.StoredTiles;

class JobBinderTest {
    private final AtomicInteger ids = new AtomicInteger();
    private final JobBinder binder = new JobBinder(() -> "s/m" + ids.incrementAndGet());
    private final Leaf a = new Leaf("data/a", new Shape(20, 20), 8, Structure.SPD);

    @Test
    void storedInputsOutputsAndTemporariesAreBound() {
        Plan plan = Planner.plan(new Cholesky(a));
        BoundJob job = binder.bind(plan, JobBinder.COMPUTE);
        JobSpec spec = job.spec();
        assertThat(spec.jobId()).isEqualTo("s-m1-job");
        assertThat(spec.operation()).isEqualTo("cholesky");
        Leaf out = job.outputs().get(plan.output());
        assertThat(out.name()).isEqualTo("s/m2");
        assertThat(out.shape()).isEqualTo(new Shape(20, 20));
        assertThat(spec.bindings().values()).extracting(MatrixBinding::storeMatrix)
                .contains("data/a", "s/m2").allMatch(n -> n.equals("data/a") || n.equals("s/m2") || n.startsWith("tmp/s-m1-job/"));
        MatrixBinding input = spec.bindings().values().stream().filter(b -> b.storeMatrix().equals("data/a")).findFirst().orElseThrow();
        assertThat(input).isEqualTo(new MatrixBinding("data/a", 20, 20, 8, StoredTiles.ALL));
        MatrixBinding result = spec.bindings().values().stream().filter(b -> b.storeMatrix().equals("s/m2")).findFirst().orElseThrow();
        assertThat(result.storedTiles()).isEqualTo(StoredTiles.LOWER_TRIANGLE); // a triangular result stores its triangle
        assertThat(spec.computes()).isTrue();
    }

    @Test
    void layoutsOfStoredResultsAreRememberedForLaterJobs() {
        BoundJob first = binder.bind(Planner.plan(new Gram(new Leaf("data/x", new Shape(30, 6), 8, Structure.GENERAL))),
                JobBinder.COMPUTE);
        Leaf gram = first.outputs().values().iterator().next();
        assertThat(binder.layout(gram)).isEqualTo(StoredTiles.ALL); // not stored yet: all tiles
        binder.stored(first);
        assertThat(binder.layout(gram)).isEqualTo(StoredTiles.LOWER_MIRRORED);
        BoundJob second = binder.bind(Planner.plan(new Cholesky(gram)), JobBinder.COMPUTE);
        assertThat(second.spec().bindings().values()).filteredOn(b -> b.storeMatrix().equals(gram.name()))
                .singleElement().extracting(MatrixBinding::storedTiles).isEqualTo(StoredTiles.LOWER_MIRRORED);
        binder.forget(gram.name());
        assertThat(binder.layout(gram)).isEqualTo(StoredTiles.ALL);
    }

    @Test
    void aMatrixOpenedByItsManifestIsReadWithTheManifestsTiles() {
        MatrixManifest manifest = MatrixManifest.of("data/a", 20, 20, 8, 8).withStructure("spd", StoredTiles.LOWER_MIRRORED);
        assertThat(binder.layout(a)).isEqualTo(StoredTiles.ALL); // nothing recorded: all tiles

        Leaf opened = binder.open(manifest);

        assertThat(opened).isEqualTo(a);
        assertThat(binder.layout(a)).isEqualTo(StoredTiles.LOWER_MIRRORED);
        assertThat(binder.bind(Planner.plan(new Cholesky(opened)), JobBinder.COMPUTE).spec().bindings().values())
                .filteredOn(b -> b.storeMatrix().equals("data/a"))
                .singleElement().extracting(MatrixBinding::storedTiles).isEqualTo(StoredTiles.LOWER_MIRRORED);
    }

    @Test
    void theManifestOfAStoredMatrixRecordsItsKindAndTilesAndOpensBackToTheSameLeaf() {
        BoundJob job = binder.bind(Planner.plan(new Gram(new Leaf("data/x", new Shape(30, 6), 8, Structure.GENERAL))), JobBinder.COMPUTE);
        binder.stored(job);
        Leaf gram = job.outputs().values().iterator().next();

        MatrixManifest manifest = binder.manifest("saved/g", gram);

        assertThat(manifest.kind()).isEqualTo("psd");
        assertThat(manifest.storedTiles()).isEqualTo(StoredTiles.LOWER_MIRRORED);
        assertThat(manifest.structureText()).isEqualTo("psd; lower tiles only");
        Leaf reopened = new JobBinder(() -> "t/m").open(manifest);
        assertThat(reopened).isEqualTo(new Leaf("saved/g", gram.shape(), gram.blockSize(), gram.structure()));
        // a handle that forgot its matrix is symmetric is recorded as what the tiles say
        Leaf forgot = new Leaf(gram.name(), gram.shape(), gram.blockSize(), Structure.GENERAL);
        assertThat(binder.manifest("saved/h", forgot).kind()).isEqualTo("symmetric");
    }

    @Test
    void aManifestWithAnUnknownOrInconsistentKindIsRefusedNamingTheMatrix() {
        assertThatThrownBy(() -> binder.open(MatrixManifest.of("data/b", 4, 4, 2, 2).withStructure("banded", StoredTiles.ALL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matrix data/b")
                .hasMessageContaining("unknown matrix structure 'banded'");
        assertThatThrownBy(() -> binder.open(MatrixManifest.of("data/c", 4, 4, 2, 2).withStructure("general", StoredTiles.LOWER_MIRRORED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matrix data/c is recorded as general with stored tiles lower-mirrored");
    }

    @Test
    void modesMarkTheSpec() {
        Plan plan = Planner.plan(new Cholesky(a));
        assertThat(binder.bind(plan, JobBinder.DRY_RUN).spec().dryRun()).isTrue();
        JobSpec simulated = binder.bind(plan, new JobBinder.Simulated(20)).spec();
        assertThat(simulated.simulated()).isTrue();
        assertThat(simulated.simulatedGflops()).isEqualTo(20);
        assertThatThrownBy(() -> new JobBinder.Simulated(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new JobBinder.Simulated(Double.POSITIVE_INFINITY)).hasMessageContaining("positive");
    }

    @Test
    void equalRootsShareOneOutputAndAStoredRootNeedsNone() {
        Leaf x = new Leaf("data/x", new Shape(30, 6), 8, Structure.GENERAL);
        Plan plan = Planner.plan(List.of(new Gram(x), new Gram(x), x), Rules.defaults());
        BoundJob job = binder.bind(plan, JobBinder.COMPUTE);
        assertThat(job.outputs()).hasSize(1);
        assertThat(plan.stored(2)).contains(x);
        assertThatThrownBy(() -> binder.bind(Planner.plan(new Transpose(new Transpose(x))), JobBinder.COMPUTE))
                .hasMessageContaining("computes nothing");
    }
}
