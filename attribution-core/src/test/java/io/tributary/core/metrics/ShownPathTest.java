package io.tributary.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShownPathTest {
  @Test
  void of_text_namesInOrderAndTextAsGiven() {
    ShownPath p = ShownPath.of("search > email > search");
    assertEquals(3, p.touches());
    assertEquals(List.of("search", "email", "search"), names(p));
    assertEquals("search > email > search", p.toString());
    assertEquals(23, p.length());
    assertEquals('e', p.charAt(9));
    assertEquals("email", p.subSequence(9, 14).toString());

    ShownPath none = ShownPath.of("");
    assertEquals(0, none.touches());
    assertEquals("", none.toString());
  }

  @Test
  void viewRow_namesOfItsTable_equalToTheSameText() {
    PathCounts pc = PathCounts.builder()
        .add(Path.of("display", "é-mail", "display"), 1, BigDecimal.ONE, 0)
        .add(Path.of("search", "email" + TouchpointLevel.SEPARATOR + "spring"), 0, BigDecimal.ZERO, 2)
        .build();
    PathSummaryView view = new PathSummaryView(pc.table());
    List<String> shown = new ArrayList<>();
    for (PathSummaryRow r : view) {
      ShownPath p = r.shownPath();
      // One Names object for the whole table: a writer prepares its names once.
      assertEquals(view.get(0).shownPath().names(), p.names());
      assertEquals(String.join(" > ", names(p)), p.toString());
      assertEquals(ShownPath.of(p.toString()), p);
      assertEquals(ShownPath.of(p.toString()).hashCode(), p.hashCode());
      shown.add(r.path());
    }
    assertEquals(java.util.Set.of("search > email/spring", "display > é-mail > display"),
        java.util.Set.copyOf(shown));
    int campaign = shown.indexOf("search > email/spring");
    assertNotEquals(ShownPath.of("search > email"), view.get(campaign).shownPath());
    assertEquals(new PathSummaryRow("search > email/spring", 2, 0, 0, 2), view.get(campaign));
  }

  private static List<String> names(ShownPath p) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < p.touches(); k++) {
      out.add(p.names().get(p.name(k)));
    }
    return out;
  }
}
