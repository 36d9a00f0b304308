package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engines (this CLI and the Spark job) use the core's API, not its internals: the columnar path table behind
 * {@code PathCounts} and the solvers stay inside the core (the solvers are package-private; {@code PathTable} is public
 * only because the core's model packages read it), and no engine restates a table's columns or an option's default.
 */
class EngineApiTest {
  private static final List<String> INTERNAL = List.of("io.tributary.core.paths.PathTable",
      "io.tributary.core.model.shapley.HarsanyiShapley", ".internal.");

  @Test
  void engineSources_importNoCoreInternals() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src", "main", "java"), Path.of("..", "spark-jobs", "src", "main", "java"))) {
      assertTrue(Files.isDirectory(root), root.toString());
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.startsWith("import ") && INTERNAL.stream().anyMatch(line::contains)) {
              found.add(f + ": " + line);
            }
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }
}
