package org.wren4j.exec.testing;

import java.time.Duration;
import java.util.Optional;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.ProgressListener;
import org.wren4j.exec.services.ServiceEndpoints;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.services.WorkerMain;
import org.wren4j.exec.worker.WorkerConfig;

/**
 * A client in a process of its own, for tests that kill it: submits a Cholesky job
 * ({@code n block seed jobId} then the services' options) with two worker threads and waits.
 */
public final class SubmitMain {
    private SubmitMain() {
    }

    public static void main(String[] argv) {
        var c = new CholeskyCase(Integer.parseInt(argv[0]), Integer.parseInt(argv[1]), Long.parseLong(argv[2]));
        String jobId = argv[3];
        ServiceEndpoints e = ServiceEndpoints.fromMap(WorkerMain.parse(java.util.List.of(argv).subList(4, argv.length)));
        Services s = Services.open(e);
        c.writeInput(s.store(), "A");
        var config = EngineConfig.defaults().withMaxWorkers(2)
                .withWorker(new WorkerConfig(2, Duration.ofSeconds(3), Duration.ofMillis(500), 5, Duration.ofMillis(20)));
        var engine = ExecEngine.withServices(s.store(), s.queue(), s.state(), config);
        engine.submit(c.spec(jobId, "A", "L"));
        System.out.println("submitted " + jobId);
        System.out.flush();
        engine.await(jobId, Optional.empty(), ProgressListener.NONE);
        System.out.println("finished " + jobId);
        System.exit(0);
    }
}
