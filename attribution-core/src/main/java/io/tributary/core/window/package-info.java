/** Date windows of a run: which dates it reads and reports, in the run's zone. */
package io.tributary.core.window;
