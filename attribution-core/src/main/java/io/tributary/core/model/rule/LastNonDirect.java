package io.tributary.core.model.rule;

import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.paths.ChannelDictionary;
import io.tributary.core.paths.PathTable;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code last_non_direct}: all credit to the last touch whose channel is not the direct channel; a journey made only
 * of direct touches keeps its credit on direct. At {@code --touchpoint channel/campaign} a touch is direct when its
 * channel is, whatever its campaign; at {@code campaign} level no channel is known and no touch is skipped.
 */
public final class LastNonDirect extends PositionalModel {
  private final String directChannel;
  /*
   * Which channel ids of the last dictionary a thread fitted on are direct: a path's touches are read from the end
   * until one is not, and cutting each touchpoint key's channel part there made a String per touch (a campaign-level
   * run fits this model on the all-customer table and every segment value's). Per thread, so that two threads
   * fitting tables of two dictionaries at once do not each work it out again for every path.
   */
  private final ThreadLocal<DirectIds> lastDirect = new ThreadLocal<>();

  private record DirectIds(ChannelDictionary dictionary, boolean[] direct) {}

  /** @param directChannel the channel to skip, e.g. {@code direct} (compared exactly) */
  public LastNonDirect(String directChannel) {
    this.directChannel = Objects.requireNonNull(directChannel, "directChannel");
  }

  @Override
  public String name() {
    return "last_non_direct";
  }

  @Override
  boolean sameWeights(String name, String renamed) {
    return direct(name) == direct(renamed);
  }

  private boolean direct(String name) {
    return TouchpointLevel.channelPart(name).equals(directChannel);
  }

  @Override
  void weights(PathTable paths, int p, double[] into) {
    boolean[] direct = directIds(paths.channels());
    int n = paths.length(p);
    Arrays.fill(into, 0, n, 0);
    for (int i = n - 1; i >= 0; i--) {
      if (!direct[paths.channel(p, i)]) {
        into[i] = 1;
        return;
      }
    }
    into[n - 1] = 1;
  }

  private boolean[] directIds(ChannelDictionary dictionary) {
    DirectIds d = lastDirect.get();
    if (d == null || d.dictionary() != dictionary) {
      boolean[] direct = new boolean[dictionary.size()];
      for (int c = 0; c < direct.length; c++) {
        // At a campaign level the name is a touchpoint key: its channel part is what is direct or not.
        direct[c] = direct(dictionary.name(c));
      }
      d = new DirectIds(dictionary, direct);
      lastDirect.set(d);
    }
    return d.direct();
  }
}
