/**
 * Hot reload: {@link org.resolutionpolicy.engine.internal.reload.WatchedPolicy} serves one compiled snapshot and
 * swaps to each edit of its files that compiles, watched by
 * {@link org.resolutionpolicy.engine.internal.reload.FileWatcher}. Internal.
 */
package org.resolutionpolicy.engine.internal.reload;
