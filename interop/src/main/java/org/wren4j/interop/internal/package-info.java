/** Implementation of the table adapters; not an API. Parquet and Hadoop types stay in here. */
package org.wren4j.interop.internal;
