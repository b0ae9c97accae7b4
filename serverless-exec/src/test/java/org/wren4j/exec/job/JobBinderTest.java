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
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Planner;
import org.wren4j.planner.rules.Rules;

class JobBinderTest {
    private final AtomicInteger ids = new AtomicInteger();
    private final JobBinder binder = new JobBinder(() -> "s/m" + ids.incrementAndGet());
    private final Leaf a = new Leaf("data/a", new Shape(20, 20), 8, org.wren4j.planner.expr.Structure.SPD);

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
        assertThat(input).isEqualTo(new MatrixBinding("data/a", 20, 20, 8, Structure.GENERAL));
        MatrixBinding result = spec.bindings().values().stream().filter(b -> b.storeMatrix().equals("s/m2")).findFirst().orElseThrow();
        assertThat(result.structure()).isEqualTo(Structure.LOWER); // a triangular result stores its triangle
        assertThat(spec.computes()).isTrue();
    }

    @Test
    void layoutsOfStoredResultsAreRememberedForLaterJobs() {
        BoundJob first = binder.bind(Planner.plan(new Gram(new Leaf("data/x", new Shape(30, 6), 8, org.wren4j.planner.expr.Structure.GENERAL))),
                JobBinder.COMPUTE);
        Leaf gram = first.outputs().values().iterator().next();
        assertThat(binder.layout(gram)).isEqualTo(Structure.GENERAL); // not stored yet: all tiles
        binder.stored(first);
        assertThat(binder.layout(gram)).isEqualTo(Structure.SYMMETRIC);
        BoundJob second = binder.bind(Planner.plan(new Cholesky(gram)), JobBinder.COMPUTE);
        assertThat(second.spec().bindings().values()).filteredOn(b -> b.storeMatrix().equals(gram.name()))
                .singleElement().extracting(MatrixBinding::structure).isEqualTo(Structure.SYMMETRIC);
        binder.forget(gram.name());
        assertThat(binder.layout(gram)).isEqualTo(Structure.GENERAL);
        binder.recordLayout("data/a", Structure.SYMMETRIC);
        assertThat(binder.layout(a)).isEqualTo(Structure.SYMMETRIC);
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
        Leaf x = new Leaf("data/x", new Shape(30, 6), 8, org.wren4j.planner.expr.Structure.GENERAL);
        Plan plan = Planner.plan(List.of(new Gram(x), new Gram(x), x), Rules.defaults());
        BoundJob job = binder.bind(plan, JobBinder.COMPUTE);
        assertThat(job.outputs()).hasSize(1);
        assertThat(plan.stored(2)).contains(x);
        assertThatThrownBy(() -> binder.bind(Planner.plan(new Transpose(new Transpose(x))), JobBinder.COMPUTE))
                .hasMessageContaining("computes nothing");
    }
}
