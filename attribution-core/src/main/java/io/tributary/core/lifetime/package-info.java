/**
 * Customer lifetime value by acquisition channel: each customer's acquisition journey (the journey that ends in their
 * first purchase) is credited under every attribution model, and the customer's expected lifetime value
 * ({@link io.tributary.core.clv}) is split the same way. Engines record customers while they fold journeys
 * ({@link io.tributary.core.lifetime.AcquisitionRecorder}) and the core computes the {@code channel_lifetime_value}
 * table ({@link io.tributary.core.lifetime.ChannelLifetimeValue}).
 */
package io.tributary.core.lifetime;
