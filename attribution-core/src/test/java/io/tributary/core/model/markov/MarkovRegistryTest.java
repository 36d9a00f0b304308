package io.tributary.core.model.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkovRegistryTest {
  @Test
  void create_markovWithOrderOption_usesThatOrder() {
    AttributionModel m = ModelRegistry.create("Markov", ModelOptions.defaults().withMarkovOrder(3));
    assertEquals(3, assertInstanceOf(MarkovModel.class, m).order());
    assertEquals("markov", m.name());
    assertEquals(Set.of(), m.requires());
  }

  @Test
  void create_defaults_orderOne() {
    assertEquals(1, ((MarkovModel) ModelRegistry.create("markov", ModelOptions.defaults())).order());
  }
}
