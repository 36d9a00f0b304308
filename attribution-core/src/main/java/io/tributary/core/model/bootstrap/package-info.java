/**
 * Bootstrap confidence intervals of path models' credit: journeys resampled with replacement, models refitted, 95 %
 * percentile intervals per channel ({@link io.tributary.core.model.bootstrap.PathBootstrap}).
 */
package io.tributary.core.model.bootstrap;
