package io.tributary.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.TributaryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemoryOptionSpecTest {
  @Test
  void memoryBudget_sizes_powersOf1024() {
    assertEquals(536_870_912L, MemoryOptionSpec.MEMORY_BUDGET.parse("512m"));
    assertEquals(2_147_483_648L, MemoryOptionSpec.MEMORY_BUDGET.parse("2G"));
    assertEquals(65_536L, MemoryOptionSpec.MEMORY_BUDGET.parse("64k"));
    assertEquals(1L, MemoryOptionSpec.MEMORY_BUDGET.parse(" 1 "));
    assertEquals("512m", MemoryOptionSpec.MEMORY_BUDGET.show(536_870_912L));
  }

  @Test
  void memoryBudget_auto_shareOfMaxHeap() {
    long max = Runtime.getRuntime().maxMemory();
    long auto = MemoryOptionSpec.MEMORY_BUDGET.defaultValue();
    assertEquals((long) (0.4 * max), auto);
    assertTrue(MemoryOptionSpec.MEMORY_BUDGET.description().contains("(default: auto)"));
  }

  @Test
  void memoryBudget_badValue_oneLineNamingOptionAndValue() {
    for (String bad : new String[] {"lots", "0", "-5m", "", "9999999999g"}) {
      TributaryException e = assertThrows(TributaryException.class, () -> MemoryOptionSpec.MEMORY_BUDGET.parse(bad));
      assertEquals("--memory-budget: expected auto or a size of at least 1 byte such as 512m or 2g, got \"" + bad
          + "\"", e.getMessage());
    }
  }

  @Test
  void tempDir_auto_javaIoTmpdir() {
    assertEquals(Path.of(System.getProperty("java.io.tmpdir")), MemoryOptionSpec.TEMP_DIR.defaultValue());
    assertEquals(Path.of("/scratch/x"), MemoryOptionSpec.TEMP_DIR.parse("/scratch/x"));
    assertThrows(TributaryException.class, () -> MemoryOptionSpec.TEMP_DIR.parse("  "));
  }

  @Test
  void tempDirLimit_noneOrSize_badValueOneLine() {
    assertEquals(MemoryOptionSpec.NO_LIMIT, MemoryOptionSpec.TEMP_DIR_LIMIT.defaultValue());
    assertEquals("none", MemoryOptionSpec.TEMP_DIR_LIMIT.show(MemoryOptionSpec.NO_LIMIT));
    assertEquals(21_474_836_480L, MemoryOptionSpec.TEMP_DIR_LIMIT.parse("20g"));
    assertEquals(1_024L, MemoryOptionSpec.TEMP_DIR_LIMIT.parse("1K"));
    assertEquals("1k", MemoryOptionSpec.TEMP_DIR_LIMIT.show(1_024L));
    assertEquals(MemoryOptionSpec.NO_LIMIT, MemoryOptionSpec.TEMP_DIR_LIMIT.parse(" None "));
    for (String bad : new String[] {"auto", "0", "lots"}) {
      TributaryException e = assertThrows(TributaryException.class, () -> MemoryOptionSpec.TEMP_DIR_LIMIT.parse(bad));
      assertEquals("--temp-dir-limit: expected none or a size of at least 1 byte such as 512m or 2g, got \"" + bad
          + "\"", e.getMessage());
    }
  }
}
