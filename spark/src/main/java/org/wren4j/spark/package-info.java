/**
 * wren4j on Spark: {@link org.wren4j.spark.WrenSpark} turns DataFrames into wren4j matrices and
 * back, with the executors writing and reading the tiles straight in the tile store
 * ({@link org.wren4j.spark.SharedStore}); {@link org.wren4j.spark.MllibMatrices} converts MLlib's
 * distributed matrices. Everything in {@code org.wren4j.spark.internal} may change at any time.
 */
package org.wren4j.spark;
