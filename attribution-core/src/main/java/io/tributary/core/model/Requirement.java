package io.tributary.core.model;

/** What a model needs from the input beyond distinct paths. */
public enum Requirement {
  /** Touch timestamps: only an event log has them, a path file does not. */
  TIMESTAMPS
}
