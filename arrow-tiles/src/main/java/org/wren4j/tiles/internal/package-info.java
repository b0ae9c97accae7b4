/**
 * Internal helpers the wren4j modules share; not API, and may change without notice. Public only
 * because Java has no module-private visibility without a module path.
 */
package org.wren4j.tiles.internal;
