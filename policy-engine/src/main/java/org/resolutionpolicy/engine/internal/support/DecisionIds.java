package org.resolutionpolicy.engine.internal.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes the id of each decision: a random (version 4) UUID, as {@link UUID#randomUUID()} makes, but drawn from
 * the calling thread's own generator. {@code randomUUID} draws from one shared {@code SecureRandom}, which costs
 * about as much as a decision and makes threads that decide wait for each other; an id names a decision in a log,
 * it guards nothing, so it needs to be unique, not unguessable.
 */
public final class DecisionIds {

    private DecisionIds() {
    }

    /** Returns a new decision id, such as {@code 3f2a9c41-d07e-4b1a-9c3e-5d2f7a8b9c0d}. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;              // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE; // IETF variant
        return new UUID(high, low).toString();
    }
}
