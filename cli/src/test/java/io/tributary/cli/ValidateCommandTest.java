package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary validate}: counts, the first problems with line and column, exit 0 or 2. */
class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void validate_cleanLog_exit0() throws IOException {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, AttributeCommandTest.EVENTS);
    Cli.Result r = Cli.run("validate", "--events", events.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(events + ": 9 rows read = 9 accepted + 0 rejected\nok: every row is valid\n", r.out());
  }

  @Test
  void validate_badRows_listsFirstProblemsAndExits2() throws IOException {
    Path events = dir.resolve("events.csv");
    StringBuilder sb = new StringBuilder("customer_id,timestamp,channel\n");
    for (int i = 0; i < 5; i++) {
      sb.append("a,2024-03-01,search\n").append("b,yesterday,search\n");
    }
    Files.writeString(events, sb.toString());
    Cli.Result r = Cli.run("validate", "--events", events.toString(), "--max-problems", "2");
    assertEquals(2, r.exit());
    String reason = ": column timestamp: cannot parse \"yesterday\" (ISO-8601 instant such as 2024-03-01T10:15:00Z, "
        + "local date-time such as 2024-03-01 10:15:00, or epoch ms)";
    assertEquals(events + ": 10 rows read = 5 accepted + 5 rejected\n"
        + "5 problems, the first 2:\n"
        + "  " + events + ":3" + reason + "\n"
        + "  " + events + ":5" + reason + "\n", r.out());
  }
}
