package io.tributary.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small input files written by tests. */
final class TestFiles {
  private TestFiles() {}

  static String write(Path dir, String name, String... lines) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return p.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
