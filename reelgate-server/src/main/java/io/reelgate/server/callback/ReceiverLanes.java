package io.reelgate.server.callback;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * One lane per receiver: at most {@code perReceiver} sends in flight to it, and up to {@code maxWaiting} claimed ones
 * waiting behind them (a batch's worth: a fast receiver drains them in moments, and a receiver that hangs is skipped
 * by the next claims, so it never gathers more). A receiver that hangs therefore holds its own slots only. Sends run
 * on a shared executor; whenever one finishes, {@code onSlotFreed} runs, so the claimer can take more due deliveries
 * at once instead of at its next poll.
 */
final class ReceiverLanes {

    private static final class Lane {
        int inFlight;
        final Deque<Runnable> waiting = new ArrayDeque<>();
    }

    private final int perReceiver;
    private final int maxWaiting;
    private final Executor executor;
    private final Runnable onSlotFreed;
    private final Map<String, Lane> lanes = new HashMap<>();
    private int inFlight;

    ReceiverLanes(int perReceiver, int maxWaiting, Executor executor, Runnable onSlotFreed) {
        this.perReceiver = perReceiver;
        this.maxWaiting = maxWaiting;
        this.executor = executor;
        this.onSlotFreed = onSlotFreed;
    }

    /** Sends in flight, over all receivers. */
    synchronized int inFlight() {
        return inFlight;
    }

    /** Receivers with every slot in use: their due deliveries are better left unclaimed for now. */
    synchronized Set<String> busy() {
        return lanes.entrySet().stream().filter(e -> e.getValue().inFlight >= perReceiver).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Starts or queues {@code send}; {@code false} when the receiver's lane is full (the caller gives it back). */
    boolean offer(String receiver, Runnable send) {
        synchronized (this) {
            Lane lane = lanes.computeIfAbsent(receiver, r -> new Lane());
            if (lane.inFlight >= perReceiver) {
                if (lane.waiting.size() >= maxWaiting) {
                    return false;
                }
                lane.waiting.add(send);
                return true;
            }
            lane.inFlight++;
            inFlight++;
        }
        start(receiver, send);
        return true;
    }

    private void start(String receiver, Runnable send) {
        try {
            executor.execute(() -> {
                try {
                    send.run();
                } finally {
                    finished(receiver);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the claim's lease runs out and the attempt is made again later, by this node or another
        }
    }

    private void finished(String receiver) {
        Runnable next;
        synchronized (this) {
            Lane lane = lanes.get(receiver);
            next = lane.waiting.poll();
            if (next == null) {
                inFlight--;
                lane.inFlight--;
                if (lane.inFlight == 0) {
                    lanes.remove(receiver);
                }
            }
        }
        if (next != null) {
            start(receiver, next);
        }
        onSlotFreed.run();
    }
}
