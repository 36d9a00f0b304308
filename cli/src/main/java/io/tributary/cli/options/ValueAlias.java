package io.tributary.cli.options;

/**
 * One {@code --alias} flag: in SPEC's column {@code column}, the file's value {@code from} means {@code to}.
 *
 * @param column SPEC's column name, e.g. {@code event_type}
 * @param from the file's value, compared case-insensitively
 * @param to SPEC's value
 */
public record ValueAlias(String column, String from, String to) {}
