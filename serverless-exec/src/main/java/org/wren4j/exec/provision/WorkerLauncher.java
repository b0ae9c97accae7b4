package org.wren4j.exec.provision;

/** Starts workers somewhere (threads, processes, Lambda) and counts the ones alive. */
public interface WorkerLauncher extends AutoCloseable {
    void launch(int count);

    int running();

    /** Worker-seconds provisioned so far (alive time summed over workers). */
    double workerSeconds();

    @Override
    void close();
}
