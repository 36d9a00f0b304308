package io.tributary.cli;

import io.tributary.cli.csv.InputSource;
import io.tributary.cli.load.InputStats;
import io.tributary.cli.load.Rejects;
import io.tributary.cli.load.SideInputs;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.IdentityMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The side inputs that decide whose events count, read in the one order every command needs: the identity map first,
 * then the opt-out list (whose ids are resolved through that map). Written once for {@code attribute}, {@code paths},
 * {@code validate}, {@code report} and {@code clv}.
 *
 * @param identities the identity map, empty when none was given
 * @param consent the opt-out list, none when none was given
 * @param stats what each given file held, in reading order
 */
record CustomerFilters(IdentityMap identities, ConsentList consent, List<InputStats> stats) {
  CustomerFilters {
    stats = List.copyOf(stats);
  }

  /**
   * @param identities the identity map file, or null
   * @param consent the opt-out file, or null
   * @param mapping the main input's {@code --map}, which the side files are read with by the core's side-input rule
   * @param streams where {@code -} reads from
   * @param rejects where rejected rows go
   */
  static CustomerFilters load(String identities, String consent, ColumnMapping mapping, Streams streams,
      Rejects rejects) {
    List<InputStats> stats = new ArrayList<>();
    IdentityMap ids = IdentityMap.empty();
    if (identities != null) {
      var loaded = SideInputs.identities(new InputSource(identities, streams.in()), mapping, rejects);
      ids = loaded.value();
      stats.add(loaded.stats());
    }
    ConsentList optOut = ConsentList.none();
    if (consent != null) {
      var loaded = SideInputs.consent(new InputSource(consent, streams.in()), mapping, ids, rejects);
      optOut = loaded.value();
      stats.add(loaded.stats());
    }
    return new CustomerFilters(ids, optOut, stats);
  }
}
