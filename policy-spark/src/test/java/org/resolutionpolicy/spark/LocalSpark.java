package org.resolutionpolicy.spark;

import org.apache.spark.sql.SparkSession;

/** Gives the tests one local Spark session for the whole test JVM: two cores, no UI, few shuffle partitions. */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("policy-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.ui.showConsoleProgress", "false")
                    .getOrCreate();
        }
        return session;
    }
}
