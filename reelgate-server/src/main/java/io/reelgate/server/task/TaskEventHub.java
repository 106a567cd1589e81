package io.reelgate.server.task;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
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
 * delivered to the subscribers of its key on one dispatch thread (so a slow client never slows the worker that
 * changed the task). Recent events are kept in a ring so a reconnecting client resumes after its Last-Event-ID.
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

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Deque<TaskEvent> recent = new ArrayDeque<>();
    private final int capacity;
    private final Clock clock;
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reelgate-task-events");
        thread.setDaemon(true);
        return thread;
    });
    private long sequence;

    TaskEventHub(Clock clock, @Value("${reelgate.stream.replay-events:10000}") int capacity) {
        this.clock = clock;
        this.capacity = capacity;
        this.sequence = clock.millis() * 1000;
    }

    /** Registers a subscriber after replaying, in order, its key's buffered events newer than {@code lastEventId}. */
    public void subscribe(Subscriber subscriber, long lastEventId) {
        fanOut.execute(() -> {
            for (TaskEvent event : since(lastEventId)) {
                if (matches(subscriber, event) && !subscriber.deliver(event)) {
                    return;
                }
            }
            subscribers.add(subscriber);
        });
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    @Scheduled(fixedDelayString = "${reelgate.stream.heartbeat-interval:15s}")
    void heartbeat() {
        fanOut.execute(() -> subscribers.removeIf(subscriber -> !subscriber.heartbeat()));
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
        for (Subscriber subscriber : subscribers) {
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
            for (Subscriber subscriber : subscribers) {
                if (matches(subscriber, event) && !subscriber.deliver(event)) {
                    subscribers.remove(subscriber);
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
