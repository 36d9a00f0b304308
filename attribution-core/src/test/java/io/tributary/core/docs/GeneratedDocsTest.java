package io.tributary.core.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.options.ModelOptionSpec;
import io.tributary.core.output.OutputTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The option list and the table list in {@code docs/} are the core's definitions as written by
 * {@link ModelOptionSpec#markdown()} and {@link OutputTables#markdown()}: a change in the core that the docs do not
 * follow fails here, with the text to paste.
 */
class GeneratedDocsTest {
  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void optionsDoc_containsTheSpecsTable() throws IOException {
    String doc = Files.readString(DOCS.resolve("options.md"), StandardCharsets.UTF_8);
    String table = ModelOptionSpec.markdown();
    assertTrue(doc.contains(table), "docs/options.md must contain:\n" + table);
  }

  @Test
  void optionsDoc_containsTheLifetimeValueTable() throws IOException {
    String doc = Files.readString(DOCS.resolve("options.md"), StandardCharsets.UTF_8);
    String table = io.tributary.core.clv.ClvOptionSpec.markdown();
    assertTrue(doc.contains(table), "docs/options.md must contain:\n" + table);
  }

  @Test
  void optionsDoc_containsTheWindowTable() throws IOException {
    String doc = Files.readString(DOCS.resolve("options.md"), StandardCharsets.UTF_8);
    String table = ModelOptionSpec.markdown(io.tributary.core.options.WindowOptionSpec.ALL);
    assertTrue(doc.contains(table), "docs/options.md must contain:\n" + table);
  }

  @Test
  void optionsDoc_containsTheInputTable() throws IOException {
    String doc = Files.readString(DOCS.resolve("options.md"), StandardCharsets.UTF_8);
    String table = ModelOptionSpec.markdown(io.tributary.core.options.InputOptionSpec.ALL);
    assertTrue(doc.contains(table), "docs/options.md must contain:\n" + table);
  }

  @Test
  void outputTablesDoc_containsEveryTable() throws IOException {
    String doc = Files.readString(DOCS.resolve("output-tables.md"), StandardCharsets.UTF_8);
    String tables = OutputTables.markdown();
    assertTrue(doc.contains(tables), "docs/output-tables.md must contain:\n" + tables);
  }
}
