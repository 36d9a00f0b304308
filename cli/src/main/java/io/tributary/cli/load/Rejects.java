package io.tributary.cli.load;

import io.tributary.core.InputException;
import io.tributary.core.input.RawRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the bad-row policy: under {@link OnBadRow#FAIL} a row's {@link InputException} propagates; under
 * {@link OnBadRow#SKIP} the row is kept here with its reason. Shared by every input of a run, so the rejected rows of
 * all of them end up in one table.
 */
public final class Rejects {
  private final OnBadRow policy;
  private final List<RejectedRow> rows = new ArrayList<>();

  /** @param policy fail or skip */
  public Rejects(OnBadRow policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Handles a bad row.
   *
   * @param e what is wrong with it
   * @param fields the row's fields as read
   * @param raw the input's redaction: the raw line kept holds no customer id (the core's rule, as in the Spark job)
   * @throws InputException {@code e} itself under the fail policy
   */
  public void reject(InputException e, String[] fields, RawRows raw) {
    if (policy == OnBadRow.FAIL) {
      throw e;
    }
    String reason = e.column() == null ? e.reason() : "column " + e.column() + ": " + e.reason();
    rows.add(new RejectedRow(e.file(), e.line(), reason, raw.line(fields)));
  }

  /** @return the policy */
  public OnBadRow policy() {
    return policy;
  }

  /** @return the rows set aside so far, in reading order */
  public List<RejectedRow> rows() {
    return List.copyOf(rows);
  }

  /** @return how many rows were set aside so far */
  public int count() {
    return rows.size();
  }
}
