/**
 * Tables to matrices and back: {@link org.wren4j.interop.Tables} loads Parquet files and
 * directories, Arrow IPC files and streams, and Arrow record batches into
 * {@link org.wren4j.api.BlockMatrix} (with {@link org.wren4j.interop.LoadOptions} for column
 * selection, nulls, one-hot encoding and labels) and writes matrices back as Parquet or Arrow,
 * streaming in both directions. Errors are {@link org.wren4j.interop.InteropException}s naming the
 * file, column and row. Everything in {@code org.wren4j.interop.internal} may change at any time.
 */
package org.wren4j.interop;
