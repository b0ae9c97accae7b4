/**
 * Plug-in points of wren4j: interfaces an application implements to put its own parts under a
 * session. Each method documents what callers rely on (missing keys, overwrites, atomicity).
 *
 * <ul>
 *   <li>{@link org.wren4j.spi.ObjectStore}: where tiles live, as a flat key-to-bytes store;
 *       give one to {@code Wren.builder().objectStore(store, prefix)}.</li>
 * </ul>
 */
package org.wren4j.spi;
