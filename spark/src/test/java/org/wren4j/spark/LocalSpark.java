package org.wren4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One Spark session on local[2] for every test class of the module (starting one costs seconds),
 * on loopback, without a UI, and with a 1 MB limit on what a job may return to the driver: a
 * load or export that collected rows there would fail.
 */
final class LocalSpark {
    private static SparkSession spark;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("wren4j-spark-tests")
                    .config("spark.driver.maxResultSize", "1m")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }
}
