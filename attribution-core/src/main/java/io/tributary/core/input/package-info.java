/**
 * Row-level parsing and validation shared by every engine: timestamps, amounts, counts, durations, headers with column
 * mapping, and the event-log, path-file and spend row parsers. Engines split files into fields; this package decides
 * what a field means and words every rejection the same way.
 */
package io.tributary.core.input;
