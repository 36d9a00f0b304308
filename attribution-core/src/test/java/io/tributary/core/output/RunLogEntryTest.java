package io.tributary.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLogEntryTest {
  @Test
  void tableVersions_areWrittenInNameOrder_andReadBack() {
    Map<String, Long> v = new LinkedHashMap<>();
    v.put("path_summary", 7L);
    v.put("channel_credit", 12L);
    String text = RunLogEntry.tableVersions(v);
    assertEquals("channel_credit=12,path_summary=7", text);
    assertEquals(Map.of("channel_credit", 12L, "path_summary", 7L), RunLogEntry.parseTableVersions(text));
    assertEquals(Map.of(), RunLogEntry.parseTableVersions(null));
  }

  @Test
  void aBrokenRecord_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> RunLogEntry.parseTableVersions("channel_credit"));
    assertThrows(IllegalArgumentException.class, () -> RunLogEntry.parseTableVersions("channel_credit=x"));
  }
}
