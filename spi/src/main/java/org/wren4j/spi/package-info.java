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
 * </ul>
 *
 * <p>How many workers run is decided by the session's provisioner (numpywren's rule: enough to
 * keep the pending tasks covered, up to {@code workers(...)}); it is not a plug-in point yet.
 */
package org.wren4j.spi;
