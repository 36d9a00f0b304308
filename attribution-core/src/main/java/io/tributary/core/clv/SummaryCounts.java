package io.tributary.core.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A population of customers as runs of equal summaries: summary {@code i} stands for {@code count(i)} customers in a
 * row. A fit on it gives the same bits as a fit on the list with each summary repeated in place ({@link #expand}), and
 * a caller that already knows how many customers share each summary (a run's buyers share most of theirs) hands them
 * over without building and sorting a list of every customer. Immutable.
 */
public final class SummaryCounts {
  /*
   * Why the same bits: the likelihoods group equal rows and add them in their own sorted order, whatever the input
   * order; what does depend on the input order (the starting point's sums, the warm start's every-k-th subsample) is
   * computed here in the expanded order, one customer at a time.
   */
  private final List<CustomerSummary> summaries;
  private final int[] counts;
  private final int customers;

  private SummaryCounts(List<CustomerSummary> summaries, int[] counts) {
    this.summaries = summaries;
    this.counts = counts;
    long n = 0;
    for (int c : counts) {
      n += c;
    }
    this.customers = Math.toIntExact(n);
  }

  /**
   * @param summaries distinct or not, in the order their customers count in
   * @param counts customers per summary, each {@code >= 0} (a summary with count 0 stands for nobody)
   * @return the population
   */
  public static SummaryCounts of(List<CustomerSummary> summaries, int[] counts) {
    if (summaries.size() != counts.length) {
      throw new IllegalArgumentException(summaries.size() + " summaries and " + counts.length + " counts");
    }
    List<CustomerSummary> s = new ArrayList<>(summaries.size());
    int[] c = new int[counts.length];
    int n = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("count must be >= 0, got " + counts[i]);
      }
      if (counts[i] > 0) {
        s.add(summaries.get(i));
        c[n++] = counts[i];
      }
    }
    return new SummaryCounts(List.copyOf(s), Arrays.copyOf(c, n));
  }

  /**
   * @param customers one summary per customer, in order
   * @return the same customers, equal neighbours as one run
   */
  public static SummaryCounts of(List<CustomerSummary> customers) {
    List<CustomerSummary> s = new ArrayList<>();
    int[] c = new int[Math.max(1, customers.size())];
    for (CustomerSummary x : customers) {
      if (!s.isEmpty() && s.get(s.size() - 1).equals(x)) {
        c[s.size() - 1]++;
      } else {
        c[s.size()] = 1;
        s.add(x);
      }
    }
    return new SummaryCounts(List.copyOf(s), Arrays.copyOf(c, s.size()));
  }

  /** @return the number of runs */
  public int size() {
    return counts.length;
  }

  /** @return run {@code i}'s summary */
  public CustomerSummary summary(int i) {
    return summaries.get(i);
  }

  /** @return run {@code i}'s customers, {@code > 0} */
  public int count(int i) {
    return counts[i];
  }

  /** @return the number of customers */
  public int customers() {
    return customers;
  }

  /** @return one summary per customer, in order */
  public List<CustomerSummary> expand() {
    List<CustomerSummary> out = new ArrayList<>(customers);
    for (int i = 0; i < counts.length; i++) {
      for (int k = 0; k < counts[i]; k++) {
        out.add(summaries.get(i));
      }
    }
    return out;
  }

  /** @return the runs whose summary has a valued repeat purchase (the Gamma-Gamma population), in order */
  SummaryCounts valued() {
    List<CustomerSummary> s = new ArrayList<>();
    int[] c = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      if (summaries.get(i).valuedRepeats() > 0) {
        c[s.size()] = counts[i];
        s.add(summaries.get(i));
      }
    }
    return new SummaryCounts(List.copyOf(s), Arrays.copyOf(c, s.size()));
  }

  /**
   * @param k the step, {@code >= 1}
   * @return customers 0, k, 2k, ... of the expanded order, one run each
   */
  SummaryCounts everyKth(int k) {
    List<CustomerSummary> s = new ArrayList<>();
    int[] c = new int[customers / k + 1];
    long next = 0; // the next expanded position to take
    long start = 0; // the first expanded position of run i
    for (int i = 0; i < counts.length; i++) {
      long end = start + counts[i];
      if (next < end) {
        // positions next, next + k, ... below end: all the same summary, so consecutive in the subsample
        long taken = (end - 1 - next) / k + 1;
        c[s.size()] = (int) taken;
        s.add(summaries.get(i));
        next += taken * k;
      }
      start = end;
    }
    return new SummaryCounts(List.copyOf(s), Arrays.copyOf(c, s.size()));
  }
}
