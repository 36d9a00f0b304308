/**
 * Rule-based models: first touch, last touch, last non-direct, linear, position-based (on distinct paths) and time
 * decay (per journey, needs timestamps).
 */
package io.tributary.core.model.rule;
