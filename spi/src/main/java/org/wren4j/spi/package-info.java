/**
 * Plug-in points of wren4j: interfaces an application implements to put its own parts under a
 * session. Each method documents what callers rely on (missing keys, overwrites, atomicity).
 *
 * <ul>
 *   <li>{@link org.wren4j.spi.ObjectStore}: where tiles live, as a flat key-to-bytes store;
 *       give one to {@code Wren.builder().objectStore(store, prefix)}.</li>
 *   <li>{@link org.wren4j.spi.WorkerLauncher}: where workers run when a session computes on
 *       services (OS processes, a cluster's executors); give a
 *       {@link org.wren4j.spi.WorkerLauncher.Factory} to
 *       {@code Wren.builder().services(endpoints).workerLauncher(factory)}. Worker threads in the
 *       client's JVM are the default, and {@code lambda(...)} starts AWS Lambda invocations.</li>
 *   <li>{@link org.wren4j.spi.ProvisioningPolicy}: how many workers the provisioner keeps
 *       alive at each step; numpywren's rule (enough to cover the waiting tasks, up to
 *       {@code workers(...)}) is the engine's implementation.</li>
 * </ul>
 */
package org.wren4j.spi;
