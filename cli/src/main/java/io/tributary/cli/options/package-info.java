/**
 * The command line's shared options as picocli mixins, and the converters that turn {@code 30d}, {@code a=b},
 * {@code col:from=to}, delimiters, zones and position weights into typed values with one-line errors.
 */
package io.tributary.cli.options;
