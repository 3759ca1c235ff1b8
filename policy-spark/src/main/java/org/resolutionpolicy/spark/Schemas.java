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
            createStructField("amount", AMOUNT, true),
            createStructField("amountScale", IntegerType, true),
            createStructField("money", BooleanType, false),
            createStructField("rules", createArrayType(StringType, false), false)));

    static final StructType FOLLOW_UP = createStructType(List.of(
            createStructField("action", StringType, false),
            createStructField("owner", StringType, true),
            createStructField("within", StringType, true),
            createStructField("rule", StringType, true)));

    /** A replay's decisions: one row per history line, its case's decision when it holds one. */
    static final StructType DECISIONS = createStructType(List.of(
            createStructField("file", StringType, false),
            createStructField("line", LongType, false),
            createStructField("status", StringType, false),
            createStructField("problem", StringType, true),
            createStructField("caseId", StringType, true),
            createStructField("openedDay", StringType, true),
            createStructField("policy", StringType, false),
            createStructField("version", StringType, true),
            createStructField("revision", StringType, false),
            createStructField("swat", BooleanType, true),
            createStructField("proposals", createArrayType(PROPOSAL, false), true),
            createStructField("followUps", createArrayType(FOLLOW_UP, false), true)));

    static final StructType CHANGE = createStructType(List.of(
            createStructField("remedy", StringType, false),
            createStructField("fromKind", StringType, false),
            createStructField("fromApprover", StringType, true),
            createStructField("fromTeam", StringType, true),
            createStructField("toKind", StringType, false),
            createStructField("toApprover", StringType, true),
            createStructField("toTeam", StringType, true),
            createStructField("amount", AMOUNT, true),
            createStructField("amountScale", IntegerType, true),
            createStructField("money", BooleanType, false),
            createStructField("changed", BooleanType, false),
            createStructField("responsible", createArrayType(StringType, false), false)));

    static final StructType ACTION_COUNT = createStructType(List.of(
            createStructField("action", StringType, false),
            createStructField("count", LongType, false)));

    /** A diff's comparisons: one row per history line, what changed for its case when it holds one. */
    static final StructType COMPARISONS = createStructType(List.of(
            createStructField("file", StringType, false),
            createStructField("line", LongType, false),
            createStructField("status", StringType, false),
            createStructField("problem", StringType, true),
            createStructField("caseId", StringType, true),
            createStructField("beforeRevision", StringType, false),
            createStructField("afterRevision", StringType, false),
            createStructField("changed", BooleanType, true),
            createStructField("latitudeChanged", BooleanType, true),
            createStructField("followUpsChanged", BooleanType, true),
            createStructField("proposals", createArrayType(CHANGE, false), true),
            createStructField("approversBefore", createArrayType(StringType, false), true),
            createStructField("approversAfter", createArrayType(StringType, false), true),
            createStructField("followUpsAdded", createArrayType(ACTION_COUNT, false), true),
            createStructField("followUpsRemoved", createArrayType(ACTION_COUNT, false), true)));

    private Schemas() {
    }

    /**
     * Returns an amount at the carried scale, never rounded: an amount that does not fit fails the job, as a sum
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
                    + AMOUNT_SCALE + "] decimals, which a Spark replay cannot sum exactly", e);
        }
        if (scaled.precision() > AMOUNT.precision()) {
            throw new IllegalArgumentException("amount [" + amount.toPlainString() + "] at " + file + ":" + line
                    + " has too many digits for a Spark replay to sum exactly");
        }
        return scaled;
    }

    /** Returns a sum at the scale the local replay's {@code BigDecimal} additions give: that of its widest term. */
    static BigDecimal sum(BigDecimal carriedSum, Integer maxScale) {
        if (carriedSum == null) {
            return BigDecimal.ZERO;
        }
        return carriedSum.setScale(Math.max(0, maxScale == null ? 0 : maxScale), RoundingMode.UNNECESSARY);
    }
}
