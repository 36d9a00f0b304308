/**
 * From events to journeys: SPEC's journey rules ({@link io.tributary.core.journey.JourneyBuilder}), identity
 * stitching and consent exclusion.
 */
package io.tributary.core.journey;
