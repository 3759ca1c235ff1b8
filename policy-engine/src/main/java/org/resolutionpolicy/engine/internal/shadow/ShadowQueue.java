package org.resolutionpolicy.engine.internal.shadow;

import java.util.concurrent.atomic.AtomicLongArray;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policy;

/**
 * Hands served cases to the shadow workers without a lock: a bounded ring (D. Vyukov's bounded multi-producer
 * multi-consumer queue) whose slots keep the case's number, the case, the serving policy and its decision in arrays of
 * their own. An offer allocates nothing and takes no lock, so a deciding thread never waits for a worker (nor a worker
 * for a deciding thread); a full ring refuses the offer at once.
 *
 * <p>Each slot has a turn, twice the position that may use it next (plus one once filled). A producer at position
 * {@code p} may fill slot {@code p % capacity} when its turn is {@code 2p}, and publishes it by setting the turn to
 * {@code 2p + 1}; a worker at position {@code p} may take it then, and frees it for the next round by setting the turn
 * to {@code 2(p + capacity)}. (Doubled, the turns of a filled slot and of a free one never meet, even in a ring of
 * one slot.)
 * The arrays are written before the turn is released and read after it is acquired. A slot is cleared when taken, so
 * the ring holds no case longer than it waits.
 */
final class ShadowQueue {

    /** Takes what a slot held. */
    @FunctionalInterface
    interface Sink {
        void take(long number, CustomerCase customerCase, Policy serving, Decision served);
    }

    /** The positions, far apart so that producers (tail) and workers (head) do not share a cache line. */
    private static final int TAIL = 16;
    private static final int HEAD = 48;

    private final int capacity;
    /** {@code capacity - 1} when it is a power of two (a mask finds the slot), or -1 (a remainder does). */
    private final int mask;
    private final AtomicLongArray turns;
    private final AtomicLongArray positions = new AtomicLongArray(HEAD + 16);
    private final long[] numbers;
    private final CustomerCase[] cases;
    private final Policy[] servings;
    private final Decision[] decisions;

    ShadowQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was [" + capacity + "]");
        }
        this.capacity = capacity;
        this.mask = Integer.bitCount(capacity) == 1 ? capacity - 1 : -1;
        this.turns = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            turns.set(i, 2L * i);
        }
        this.numbers = new long[capacity];
        this.cases = new CustomerCase[capacity];
        this.servings = new Policy[capacity];
        this.decisions = new Decision[capacity];
    }

    private int slot(long position) {
        return mask >= 0 ? (int) (position & mask) : (int) (position % capacity);
    }

    /** Queues a served case; returns false at once, queueing nothing, when the ring is full. */
    boolean offer(long number, CustomerCase customerCase, Policy serving, Decision served) {
        long position = positions.getOpaque(TAIL);
        int slot;
        for (;;) {
            slot = slot(position);
            long turn = turns.getAcquire(slot);
            if (turn == 2 * position) {
                if (positions.weakCompareAndSetVolatile(TAIL, position, position + 1)) {
                    break;
                }
                position = positions.getOpaque(TAIL);
            } else if (turn < 2 * position) {
                // the slot still holds the case of the previous round: the ring is full
                return false;
            } else {
                position = positions.getOpaque(TAIL);
            }
        }
        numbers[slot] = number;
        cases[slot] = customerCase;
        servings[slot] = serving;
        decisions[slot] = served;
        turns.setRelease(slot, 2 * position + 1);
        return true;
    }

    /** Takes the oldest case into the sink, freeing its slot first; returns false when none waits. */
    boolean poll(Sink sink) {
        long position = positions.getOpaque(HEAD);
        int slot;
        for (;;) {
            slot = slot(position);
            long turn = turns.getAcquire(slot);
            if (turn == 2 * position + 1) {
                if (positions.weakCompareAndSetVolatile(HEAD, position, position + 1)) {
                    break;
                }
                position = positions.getOpaque(HEAD);
            } else if (turn < 2 * position + 1) {
                return false;
            } else {
                position = positions.getOpaque(HEAD);
            }
        }
        long number = numbers[slot];
        CustomerCase customerCase = cases[slot];
        Policy serving = servings[slot];
        Decision served = decisions[slot];
        cases[slot] = null;
        servings[slot] = null;
        decisions[slot] = null;
        turns.setRelease(slot, 2 * (position + capacity));
        sink.take(number, customerCase, serving, served);
        return true;
    }

    /** Returns how many cases wait now, at most the capacity (a moment's view under concurrent use). */
    int size() {
        long head = positions.get(HEAD);
        long tail = positions.get(TAIL);
        return (int) Math.max(0, Math.min(capacity, tail - head));
    }
}
