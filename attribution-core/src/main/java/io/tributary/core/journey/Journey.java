package io.tributary.core.journey;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's touches up to one conversion (a converting journey) or touches that led to none (a non-converting
 * journey). A converting journey with no touches is a conversion credited to {@code (unattributed)}.
 *
 * @param touches in time order; empty only for a touchless conversion
 * @param converted whether the journey ends in a conversion
 * @param value the conversion's revenue, zero when not converted
 * @param endTime epoch ms of the conversion, or of the last touch for a non-converting journey
 */
public record Journey(List<Touch> touches, boolean converted, BigDecimal value, long endTime) {
  public Journey {
    touches = List.copyOf(touches);
    Objects.requireNonNull(value, "value");
    if (touches.isEmpty() && !converted) {
      throw new IllegalArgumentException("a non-converting journey needs touches");
    }
    if (!converted && value.signum() != 0) {
      throw new IllegalArgumentException("a non-converting journey has no value");
    }
  }

  /** @return the channels in touch order, repeats kept */
  public List<String> channels() {
    String[] out = new String[touches.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = touches.get(i).channel();
    }
    return List.of(out);
  }

  /** @return the distinct channels in order of first touch */
  public Set<String> distinctChannels() {
    Set<String> set = new LinkedHashSet<>();
    for (Touch t : touches) {
      set.add(t.channel());
    }
    return set;
  }

  /** @return whether this is a conversion with no touch in its window */
  public boolean touchless() {
    return touches.isEmpty();
  }
}
