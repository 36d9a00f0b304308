/**
 * The output contract: every table's name, columns, types, nullability and row order ({@link
 * io.tributary.core.output.OutputTables}), defined once and read by both engines through
 * {@link io.tributary.core.output.TableSchema#cells}.
 */
package io.tributary.core.output;
