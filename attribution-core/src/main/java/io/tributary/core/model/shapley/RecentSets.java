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
  /** Enough for every thread of a machine's fits to find its own table's grouping; each costs its sets' size. */
  static final int REMEMBERED = 2 * Runtime.getRuntime().availableProcessors() + 2;

  private static final LinkedList<Entry> RECENT = new LinkedList<>();

  private record Entry(WeakReference<PathTable> table, FutureTask<ChannelSets> sets) {}

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
        RECENT.addFirst(new Entry(new WeakReference<>(table), task));
        while (RECENT.size() > REMEMBERED) {
          RECENT.removeLast();
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
        RECENT.removeIf(x -> x.sets() == failed);
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while grouping paths by channel set", e);
    }
  }
}
