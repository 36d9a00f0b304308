/**
 * Writing SPEC's tables: an aligned text table for people, CSV and JSON for tools, a self-contained HTML report, all
 * with one number format.
 */
package io.tributary.cli.output;
