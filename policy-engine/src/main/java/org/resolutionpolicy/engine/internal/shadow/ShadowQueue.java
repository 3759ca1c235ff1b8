package org.resolutionpolicy.engine.internal.shadow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policy;

/**
 * Hands served cases to the shadow workers without a lock: a bounded ring (D. Vyukov's bounded multi-producer
 * multi-consumer queue) of slots made once, each holding the case's number, the case, the serving policy and its
 * decision beside its turn. An offer allocates nothing and takes no lock, so a deciding thread never waits for a worker
 * (nor a worker for a deciding thread); a full ring refuses the offer at once.
 *
 * <p>Each slot has a turn, twice the position that may use it next (plus one once filled). A producer at position
 * {@code p} may fill slot {@code p % capacity} when its turn is {@code 2p}, and publishes it by setting the turn to
 * {@code 2p + 1}; a worker at position {@code p} may take it then, and frees it for the next round by setting the turn
 * to {@code 2(p + capacity)}. (Doubled, the turns of a filled slot and of a free one never meet, even in a ring of
 * one slot.)
 * The fields are written before the turn is released and read after it is acquired. A slot's turn and contents sit
 * together (one object, made in a row with its neighbours), so an offer writes one or two cache lines that a worker
 * had, not one per field. A slot is cleared when taken, so the ring holds no case longer than it waits.
 */
final class ShadowQueue {

    /** Takes what a slot held. */
    @FunctionalInterface
    interface Sink {
        void take(long number, CustomerCase customerCase, Policy serving, Decision served);
    }

    /** One place in the ring: its turn and what it holds. */
    private static final class Slot {
        /** Read and written through {@link #TURN} only. */
        @SuppressWarnings("unused")
        private long turn;
        private long number;
        private CustomerCase customerCase;
        private Policy serving;
        private Decision served;

        Slot(long turn) {
            this.turn = turn;
        }
    }

    private static final VarHandle TURN;

    static {
        try {
            TURN = MethodHandles.lookup().findVarHandle(Slot.class, "turn", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The positions, far apart so that producers (tail) and workers (head) do not share a cache line. */
    private static final int TAIL = 16;
    private static final int HEAD = 48;

    private final int capacity;
    /** {@code capacity - 1} when it is a power of two (a mask finds the slot), or -1 (a remainder does). */
    private final int mask;
    private final AtomicLongArray positions = new AtomicLongArray(HEAD + 16);
    private final Slot[] slots;

    ShadowQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was [" + capacity + "]");
        }
        this.capacity = capacity;
        this.mask = Integer.bitCount(capacity) == 1 ? capacity - 1 : -1;
        this.slots = new Slot[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new Slot(2L * i);
        }
    }

    private Slot slot(long position) {
        return slots[mask >= 0 ? (int) (position & mask) : (int) (position % capacity)];
    }

    /** Queues a served case; returns false at once, queueing nothing, when the ring is full. */
    boolean offer(long number, CustomerCase customerCase, Policy serving, Decision served) {
        long position = positions.getOpaque(TAIL);
        Slot slot;
        for (;;) {
            slot = slot(position);
            long turn = (long) TURN.getAcquire(slot);
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
        slot.number = number;
        slot.customerCase = customerCase;
        slot.serving = serving;
        slot.served = served;
        TURN.setRelease(slot, 2 * position + 1);
        return true;
    }

    /** Takes the oldest case into the sink, freeing its slot first; returns false when none waits. */
    boolean poll(Sink sink) {
        long position = positions.getOpaque(HEAD);
        Slot slot;
        for (;;) {
            slot = slot(position);
            long turn = (long) TURN.getAcquire(slot);
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
        long number = slot.number;
        CustomerCase customerCase = slot.customerCase;
        Policy serving = slot.serving;
        Decision served = slot.served;
        slot.customerCase = null;
        slot.serving = null;
        slot.served = null;
        TURN.setRelease(slot, 2 * (position + capacity));
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
