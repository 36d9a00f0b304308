package io.tributary.core.output;

import io.tributary.core.paths.PathStats;
import java.util.Objects;

/**
 * One row of a path file as {@code tributary paths} writes it (the input format of {@code --paths}).
 *
 * @param path the channels joined by the path separator
 * @param stats the path's conversions, value and non-converting journeys
 */
public record PathFileRow(String path, PathStats stats) {
  public PathFileRow {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(stats, "stats");
  }
}
