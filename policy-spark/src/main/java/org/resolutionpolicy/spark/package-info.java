/**
 * Replays histories of cases on Apache Spark, for histories that outgrow one machine: {@link
 * org.resolutionpolicy.spark.SparkReplay} and {@link org.resolutionpolicy.spark.SparkDiff} decide a history read by
 * {@link org.resolutionpolicy.spark.SparkHistory} with a policy carried as {@link org.resolutionpolicy.spark.PolicyText}
 * and count each partition with the local replay's own counters ({@code ReplayCounter}, {@code DiffCounter}), whose
 * counts add up into the local replay's {@code ReplayReport} and {@code DiffReport};
 * {@link org.resolutionpolicy.spark.SparkReplayMain} runs them from {@code spark-submit}. Spark itself is not
 * shipped: the cluster provides it. See docs/spark.md.
 */
package org.resolutionpolicy.spark;
