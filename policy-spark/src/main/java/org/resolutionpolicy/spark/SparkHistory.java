package org.resolutionpolicy.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.resolutionpolicy.replay.HistoryException;

/**
 * Reads histories into the dataset the Spark replay decides: one row per line, with its file and its 1-based line
 * number ({@code file string, line long, value string}), so that a bad line is reported where it is.
 *
 * <p>JSON lines are read as text (a name ending in {@code .gz} is decompressed, which also makes the file one
 * partition: gzip cannot be split), a line never built longer than the longest line a case may be, so that a huge
 * line (a gzip bomb) is one bad line, not an executor out of memory; data after a gzip stream, or a file that cannot
 * be read, fails the job with a {@link HistoryException} naming the file; Parquet rows with the fields of the case JSON are turned back into that JSON and
 * numbered in file order. Either way each row goes through the same case reader as the local replay.
 */
public final class SparkHistory {

    private SparkHistory() {
    }

    /**
     * Reads JSON-lines histories.
     *
     * @param spark the session
     * @param paths files, directories (their files not starting with {@code .} or {@code _}) or glob patterns
     * @return one row per line
     * @throws HistoryException if a path matches no file or cannot be listed
     */
    public static Dataset<Row> json(SparkSession spark, String... paths) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaRDD<Row>> parts = new ArrayList<>();
        for (String[] file : files(spark, paths)) {
            String name = file[1];
            Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
            conf.set(HistoryInputFormat.NAME, name);
            // numbering the lines of a file of several splits counts each split's lines now: reading may fail here
            parts.add(Failures.history(() -> jsc.newAPIHadoopFile(file[0], HistoryInputFormat.class,
                            LongWritable.class, Text.class, conf).map(t -> t._2().toString()).zipWithIndex()
                    .map(t -> RowFactory.create(name, t._2() + 1, t._1()))));
        }
        return spark.createDataFrame(union(jsc, parts), Schemas.HISTORY);
    }

    /**
     * Reads Parquet histories whose columns are the fields of the case JSON ({@code id}, {@code severity},
     * {@code employee}, {@code proposals}, ...), with the types JSON gives them ({@code openedAt} a string).
     * A row's line is its position in its file, from 1.
     *
     * @param spark the session
     * @param paths files, directories or glob patterns
     * @return one row per case row
     * @throws HistoryException if a path matches no file or cannot be listed
     */
    public static Dataset<Row> parquet(SparkSession spark, String... paths) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaRDD<Row>> parts = new ArrayList<>();
        for (String[] file : files(spark, paths)) {
            String name = file[1];
            parts.add(spark.read().parquet(file[0]).toJSON().javaRDD().zipWithIndex()
                    .map(t -> RowFactory.create(name, t._2() + 1, t._1())));
        }
        return spark.createDataFrame(union(jsc, parts), Schemas.HISTORY);
    }

    private static JavaRDD<Row> union(JavaSparkContext jsc, List<JavaRDD<Row>> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        // one flat union of every file (JavaSparkContext.union), not a chain of nested ones: its varargs of a generic
        // type can only be filled from a raw array
        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaRDD<Row>[] all = parts.toArray(new JavaRDD[0]);
        return jsc.union(all);
    }

    /**
     * Lists the files of the paths on the driver, in name order per path: each as its full path and the name
     * messages give it (the path as given, when it names one file, so reports read as the local replay's).
     */
    private static List<String[]> files(SparkSession spark, String... paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        if (paths.length == 0) {
            throw new IllegalArgumentException("at least one history path is needed");
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String[]> files = new ArrayList<>();
        for (String given : paths) {
            try {
                Path path = new Path(given);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matched = fs.globStatus(path);
                if (matched == null || matched.length == 0) {
                    throw new HistoryException("no history file matches [" + given + "]", new FileNotFoundException(given));
                }
                if (matched.length == 1 && matched[0].isFile()) {
                    files.add(new String[] {matched[0].getPath().toString(), given});
                    continue;
                }
                List<FileStatus> found = new ArrayList<>();
                for (FileStatus status : matched) {
                    if (status.isDirectory()) {
                        found.addAll(Arrays.asList(fs.listStatus(status.getPath())));
                    } else {
                        found.add(status);
                    }
                }
                found.stream().filter(FileStatus::isFile).map(s -> s.getPath())
                        .filter(p -> !p.getName().startsWith(".") && !p.getName().startsWith("_"))
                        .sorted().forEach(p -> files.add(new String[] {p.toString(), p.toString()}));
            } catch (IOException e) {
                throw new HistoryException("cannot list history [" + given + "]: " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new HistoryException("no history file in " + Arrays.toString(paths),
                    new FileNotFoundException(String.join(", ", paths)));
        }
        return files;
    }
}
