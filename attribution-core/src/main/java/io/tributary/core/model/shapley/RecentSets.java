package io.tributary.core.model.shapley;

import io.tributary.core.paths.PathTable;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The channel-set groupings of the last few path tables, so that the Shapley models of one fit (fitted at once, on
 * several threads) group a table once between them: the first to ask groups it, the others wait for that grouping. A
 * table is recognised by identity and held weakly; at most {@link #REMEMBERED} groupings are kept, the least recently
 * asked for dropped first, so memory stays bounded however many tables (segment values) a run fits.
 */
final class RecentSets {
  /** Kept whatever their size: enough for every thread of a machine's fits to find its own table's grouping. */
  static final int KEPT = 2 * Runtime.getRuntime().availableProcessors() + 2;
  /** Paths of the tables whose groupings are kept beyond {@link #KEPT} (a grouping costs ~100 bytes a set). */
  static final long PATH_BUDGET = 1_500_000;
  /** Groupings kept at most. */
  static final int MAX_KEPT = 512;

  private static final LinkedList<Entry> RECENT = new LinkedList<>();

  private record Entry(WeakReference<PathTable> table, int paths, FutureTask<ChannelSets> sets) {}

  /** The paths of the kept groupings' tables. */
  private static long keptPaths;

  private RecentSets() {}

  /** @return the grouping of {@code table}, made by {@code group} unless it was made recently */
  static ChannelSets of(PathTable table, Function<PathTable, ChannelSets> group) {
    FutureTask<ChannelSets> task = null;
    boolean mine = false;
    synchronized (RECENT) {
      for (Iterator<Entry> it = RECENT.iterator(); it.hasNext(); ) {
        Entry e = it.next();
        PathTable t = e.table().get();
        if (t == null) {
          it.remove();
          keptPaths -= e.paths();
        } else if (t == table) {
          task = e.sets();
          it.remove();
          RECENT.addFirst(e);
          break;
        }
      }
      if (task == null) {
        task = new FutureTask<>(() -> group.apply(table));
        mine = true;
        RECENT.addFirst(new Entry(new WeakReference<>(table), table.size(), task));
        keptPaths += table.size();
        while (RECENT.size() > MAX_KEPT || RECENT.size() > KEPT && keptPaths > PATH_BUDGET) {
          keptPaths -= RECENT.removeLast().paths();
        }
      }
    }
    if (mine) {
      task.run();
    }
    try {
      return task.get();
    } catch (ExecutionException e) {
      synchronized (RECENT) {
        FutureTask<ChannelSets> failed = task;
        for (Iterator<Entry> it = RECENT.iterator(); it.hasNext(); ) {
          Entry x = it.next();
          if (x.sets() == failed) {
            it.remove();
            keptPaths -= x.paths();
          }
        }
      }
      throw rethrown(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while grouping paths by channel set", e);
    }
  }

  /**
   * @param e a grouping's failure in another thread (or task)
   * @return the failure to rethrow in the caller: the grouping's own unchecked exception when it threw one
   * @throws Error when the grouping threw an error: it is rethrown as it is
   */
  static RuntimeException rethrown(ExecutionException e) {
    if (e.getCause() instanceof RuntimeException re) {
      return re;
    }
    if (e.getCause() instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(e.getCause());
  }
}
