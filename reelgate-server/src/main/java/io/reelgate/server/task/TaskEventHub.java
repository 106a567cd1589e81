package io.reelgate.server.task;

import io.reelgate.server.infra.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fans task changes out to live subscribers from memory: a state change or progress report becomes one event,
 * ordered and matched to the subscribers of its key on one dispatch thread (so a slow client never slows the worker
 * that changed the task), and written to each by a small pool of sender threads through its own
 * {@link SubscriberMailbox} (so a client that stops reading never delays the others' events). Recent events are
 * kept in a ring so a reconnecting client resumes after its Last-Event-ID.
 * Subscribers cost no database query. With several nodes on PostgreSQL, {@link ClusterTaskEvents} relays each
 * node's changes to the others, so a client sees every change whichever node it is connected to. Event ids are
 * microsecond clock readings (kept strictly increasing per node), so an id from one node is a fair resume point on
 * another.
 */
@Component
public class TaskEventHub {

    /** A live subscription; {@code deliver} returning false (a closed client) ends it. */
    public interface Subscriber {
        String apiKeyId();

        String taskFilter();

        boolean deliver(TaskEvent event);

        /** Keeps idle connections open through proxies; false when the client is gone. */
        boolean heartbeat();

        /** Ends the stream; the client reconnects (to another node, behind a load balancer) with Last-Event-ID. */
        void close();
    }

    private final Map<Subscriber, SubscriberMailbox> subscribers = new ConcurrentHashMap<>();
    private final Deque<TaskEvent> recent = new ArrayDeque<>();
    private final int capacity;
    private final Clock clock;
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(DaemonThreads.named("reelgate-task-events"));
    private final StreamSenders senders;
    /** Also how long one write may stay blocked before its client is given up. */
    private final Duration heartbeatInterval;
    private long sequence;

    TaskEventHub(Clock clock, @Value("${reelgate.stream.replay-events:10000}") int capacity,
                 @Value("${reelgate.stream.senders:8}") int senders,
                 @Value("${reelgate.stream.heartbeat-interval:15s}") Duration heartbeatInterval) {
        if (capacity < 1 || senders < 1) {
            throw new IllegalArgumentException("reelgate.stream.replay-events and reelgate.stream.senders must be at "
                    + "least 1");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.heartbeatInterval = heartbeatInterval;
        this.senders = new StreamSenders(senders);
        this.sequence = clock.millis() * 1000;
    }

    /** Registers a subscriber and queues for it, in order, its key's buffered events newer than {@code lastEventId}. */
    public void subscribe(Subscriber subscriber, long lastEventId) {
        fanOut.execute(() -> {
            SubscriberMailbox mailbox = new SubscriberMailbox(subscriber, capacity, senders, clock,
                    gone -> subscribers.remove(gone.subscriber(), gone));
            subscribers.put(subscriber, mailbox);
            for (TaskEvent event : since(lastEventId)) {
                if (matches(subscriber, event)) {
                    mailbox.offer(event);
                }
            }
        });
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** Also where a write blocked for a whole interval is given up (see {@link SubscriberMailbox#checkStuck}). */
    @Scheduled(fixedDelayString = "${reelgate.stream.heartbeat-interval:15s}")
    void heartbeat() {
        fanOut.execute(() -> {
            Instant blockedSince = clock.instant().minus(heartbeatInterval);
            for (SubscriberMailbox mailbox : subscribers.values()) {
                if (!mailbox.checkStuck(blockedSince)) {
                    mailbox.heartbeat();
                }
            }
        });
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @EventListener
    void onTaskChanged(TaskChanged event) {
        Task t = event.task();
        publish(t.apiKeyId(), t.id(), TaskLabel.of(t), t.state().wire(), t.progress(),
                t.state() == TaskState.FAIL ? t.failCode() : null, t.state() == TaskState.FAIL ? t.failMsg() : null);
    }

    @EventListener
    void onTaskProgressed(TaskProgressed event) {
        publish(event.apiKeyId(), event.taskId(), event.label(), TaskState.GENERATING.wire(), event.progress(), null, null);
    }

    /** A change made and announced by another node, relayed here for this node's subscribers. */
    void publishFromOtherNode(String apiKeyId, String taskId, TaskLabel label, String state, int progress,
                              Integer failCode, String failMsg) {
        publish(apiKeyId, taskId, label, state, progress, failCode, failMsg);
    }

    /**
     * A node shutting down ends its streams first: open streams would otherwise hold the web server's graceful
     * shutdown for its whole timeout, and their clients are better off reconnecting to a node that stays.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        for (Subscriber subscriber : subscribers.keySet()) {
            subscribers.remove(subscriber);
            try {
                subscriber.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    @PreDestroy
    void stop() {
        fanOut.shutdownNow();
        senders.shutdownNow();
    }

    private void publish(String apiKeyId, String taskId, TaskLabel label, String state, int progress, Integer failCode,
                         String failMsg) {
        fanOut.execute(() -> {
            // ids keep growing across restarts and roughly agree across nodes: a resume point is valid anywhere
            sequence = Math.max(sequence + 1, clock.millis() * 1000);
            TaskEvent event = new TaskEvent(sequence, apiKeyId, taskId, label, state, progress, failCode, failMsg,
                    clock.instant());
            recent.addLast(event);
            if (recent.size() > capacity) {
                recent.removeFirst();
            }
            for (SubscriberMailbox mailbox : subscribers.values()) {
                if (matches(mailbox.subscriber(), event)) {
                    mailbox.offer(event);
                }
            }
        });
    }

    private List<TaskEvent> since(long lastEventId) {
        List<TaskEvent> events = new ArrayList<>();
        for (TaskEvent event : recent) {
            if (event.id() > lastEventId) {
                events.add(event);
            }
        }
        return events;
    }

    private static boolean matches(Subscriber subscriber, TaskEvent event) {
        return subscriber.apiKeyId().equals(event.apiKeyId())
                && (subscriber.taskFilter() == null || subscriber.taskFilter().equals(event.taskId()));
    }
}
