/** Implementation of the Spark adapters; not an API. */
package org.wren4j.spark.internal;
