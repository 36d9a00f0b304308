package io.tributary.cli.options;

/**
 * One {@code --map} flag: SPEC's column {@code canonical} is called {@code source} in the file.
 *
 * @param canonical SPEC's column name, e.g. {@code customer_id}
 * @param source the file's column name, e.g. {@code cookie}
 */
public record ColumnRename(String canonical, String source) {}
