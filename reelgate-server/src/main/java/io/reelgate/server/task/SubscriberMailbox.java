package io.reelgate.server.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * One stream subscriber's pending events, written in order by a sender thread, so a client that reads slowly (or
 * not at all, its socket buffer full) holds up only itself: the fan-out only queues. A subscriber more than
 * {@code limit} events behind is dropped, like one whose connection broke; it could not resume from further back
 * than the replay ring anyway, and reconnecting with Last-Event-ID replays what it missed. A write blocked for a whole
 * heartbeat interval is given up the same way ({@link #checkStuck}); either way a stand-in sender covers the blocked
 * one until its write returns.
 */
final class SubscriberMailbox {

    /** A heartbeat goes through the mailbox too: two threads must never write to one stream at once. */
    private static final Object HEARTBEAT = new Object();

    private final TaskEventHub.Subscriber subscriber;
    private final int limit;
    private final StreamSenders senders;
    private final Clock clock;
    private final Consumer<SubscriberMailbox> gone;
    private final Deque<Object> pending = new ArrayDeque<>();
    private boolean draining;
    private boolean dropped;
    /** When the write a sender is inside began, {@code null} between writes; read by {@link #checkStuck}. */
    private Instant writeStartedAt;
    private boolean standIn;

    /** @param gone told once when the subscriber is gone (its client closed, or it fell too far behind) */
    SubscriberMailbox(TaskEventHub.Subscriber subscriber, int limit, StreamSenders senders, Clock clock,
                      Consumer<SubscriberMailbox> gone) {
        this.subscriber = subscriber;
        this.limit = limit;
        this.senders = senders;
        this.clock = clock;
        this.gone = gone;
    }

    TaskEventHub.Subscriber subscriber() {
        return subscriber;
    }

    void offer(TaskEvent event) {
        enqueue(event);
    }

    void heartbeat() {
        enqueue(HEARTBEAT);
    }

    private void enqueue(Object item) {
        boolean startDrain;
        boolean fellBehind = false;
        synchronized (this) {
            if (dropped) {
                return;
            }
            if (pending.size() >= limit) {
                // a sender is stuck writing to this client; it closes the stream once its write returns
                markDropped();
                fellBehind = true;
            } else {
                pending.addLast(item);
            }
            startDrain = !dropped && !draining;
            draining |= startDrain;
        }
        if (fellBehind) {
            gone.accept(this);
        } else if (startDrain) {
            senders.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Object item;
            synchronized (this) {
                item = dropped ? null : pending.pollFirst();
                if (item == null) {
                    draining = false;
                    break;
                }
                writeStartedAt = clock.instant();
            }
            boolean alive;
            try {
                alive = item == HEARTBEAT ? subscriber.heartbeat() : subscriber.deliver((TaskEvent) item);
            } finally {
                endWrite();
            }
            if (!alive) {
                drop();
                return;
            }
        }
        if (isDropped()) {
            closeQuietly();
        }
    }

    /**
     * Called at each heartbeat tick: {@code true} when a write has been under way since {@code blockedSince} or
     * earlier (a client that stopped reading, its connection still open). The subscriber is then dropped: its stream
     * is closed when the write returns, and the client resumes with Last-Event-ID.
     */
    boolean checkStuck(Instant blockedSince) {
        boolean stuck;
        synchronized (this) {
            stuck = !dropped && writeStartedAt != null && !writeStartedAt.isAfter(blockedSince);
        }
        if (stuck) {
            drop();
        }
        return stuck;
    }

    private void endWrite() {
        boolean release;
        synchronized (this) {
            writeStartedAt = null;
            release = standIn;
            standIn = false;
        }
        if (release) {
            senders.releaseStandIn();
        }
    }

    private void drop() {
        synchronized (this) {
            if (dropped) {
                return;
            }
            markDropped();
        }
        gone.accept(this);
    }

    /**
     * Every way of dropping ends here. Dropped while a write is under way (stuck, or too far behind), the sender is
     * blocked on this client: a stand-in takes its place until the write returns.
     */
    private void markDropped() {
        dropped = true;
        pending.clear();
        if (writeStartedAt != null && !standIn) {
            standIn = senders.addStandIn();
        }
    }

    private synchronized boolean isDropped() {
        return dropped;
    }

    private void closeQuietly() {
        try {
            subscriber.close();
        } catch (RuntimeException e) {
            // the client is gone already
        }
    }
}
