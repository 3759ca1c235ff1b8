package org.resolutionpolicy.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createDecimalType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns of the datasets this module reads and writes; docs/spark.md describes them. */
final class Schemas {

    /** The scale amounts are carried at: exact for any amount with at most this many decimals. */
    static final int AMOUNT_SCALE = 12;
    static final DecimalType AMOUNT = createDecimalType(38, AMOUNT_SCALE);

    /** A history: one row per line of a file. */
    static final StructType HISTORY = createStructType(List.of(
            createStructField("file", StringType, false),
            createStructField("line", LongType, false),
            createStructField("value", StringType, true)));

    static final StructType PROPOSAL = createStructType(List.of(
            createStructField("remedy", StringType, false),
            createStructField("kind", StringType, false),
            createStructField("approver", StringType, true),
            createStructField("team", StringType, true),
            createStructField("approvers", createArrayType(StringType, false), false),
            createStructField("amount", AMOUNT, true),
            createStructField("amountScale", IntegerType, true),
            createStructField("money", BooleanType, false),
            createStructField("rules", createArrayType(StringType, false), false)));

    static final StructType FOLLOW_UP = createStructType(List.of(
            createStructField("action", StringType, false),
            createStructField("owner", StringType, true),
            createStructField("within", StringType, true),
            createStructField("rule", StringType, true)));

    static final StructType LATITUDE = createStructType(List.of(
            createStructField("remedy", StringType, false),
            createStructField("aloneUpTo", StringType, false),
            createStructField("approversBeyond", createArrayType(StringType, false), false),
            createStructField("teamBeyond", StringType, true),
            createStructField("entitled", StringType, true),
            createStructField("entitledRule", StringType, true),
            createStructField("entitledWorking", StringType, true)));

    /**
     * A policy and its decision of a line's case ({@link DecisionRows}): the policy for every line, the decision's
     * parts only for a case.
     */
    static final List<StructField> DECISION = List.of(
            createStructField("policy", StringType, false),
            createStructField("version", StringType, true),
            createStructField("revision", StringType, false),
            createStructField("swat", BooleanType, true),
            createStructField("proposals", createArrayType(PROPOSAL, false), true),
            createStructField("followUps", createArrayType(FOLLOW_UP, false), true),
            createStructField("latitude", createArrayType(LATITUDE, false), true),
            createStructField("severity", StringType, true));

    /** A replay's decisions: one row per history line, its case's decision when it holds one. */
    static final StructType DECISIONS = createStructType(Stream.concat(Stream.of(
            createStructField("file", StringType, false),
            createStructField("line", LongType, false),
            createStructField("status", StringType, false),
            createStructField("problem", StringType, true),
            createStructField("caseId", StringType, true),
            createStructField("openedDay", StringType, true)), Stream.concat(DECISION.stream(), Stream.of(
            // after the decision, so that the decision's columns keep their places
            createStructField("role", StringType, true),
            createStructField("category", StringType, true),
            createStructField("channel", StringType, true)))).toList());

    /** A diff's comparisons: one row per history line, both policies' decisions of its case when it holds one. */
    static final StructType COMPARISONS = createStructType(List.of(
            createStructField("file", StringType, false),
            createStructField("line", LongType, false),
            createStructField("status", StringType, false),
            createStructField("problem", StringType, true),
            createStructField("caseId", StringType, true),
            createStructField("changed", BooleanType, true),
            createStructField("before", createStructType(DECISION), false),
            createStructField("after", createStructType(DECISION), false)));

    private Schemas() {
    }

    /**
     * Returns an amount at the carried scale, never rounded: an amount that does not fit fails the job, as a report
     * that silently lost a cent would be worse.
     *
     * @throws IllegalArgumentException if the amount has more decimals than {@link #AMOUNT_SCALE} or too many digits
     */
    static BigDecimal carried(BigDecimal amount, String file, long line) {
        if (amount == null) {
            return null;
        }
        BigDecimal scaled;
        try {
            scaled = amount.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount [" + amount.toPlainString() + "] at " + file + ":" + line + " has more than ["
                    + AMOUNT_SCALE + "] decimals, more than a Spark replay's decisions hold exactly", e);
        }
        if (scaled.precision() > AMOUNT.precision()) {
            throw new IllegalArgumentException("amount [" + amount.toPlainString() + "] at " + file + ":" + line
                    + " has more digits than a Spark replay's decisions hold exactly");
        }
        return scaled;
    }

    /** Returns an amount carried at {@link #AMOUNT_SCALE} at its own scale again: the amount that was decided. */
    static BigDecimal amount(BigDecimal carried, Integer scale) {
        return carried == null ? null : carried.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
