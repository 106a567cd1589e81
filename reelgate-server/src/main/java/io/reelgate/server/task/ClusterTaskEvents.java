package io.reelgate.server.task;

import io.reelgate.server.infra.DaemonThreads;
import io.reelgate.server.infra.DatabaseKind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Relays task changes between nodes through PostgreSQL's LISTEN/NOTIFY, so the live stream on any node shows the
 * changes made on all of them. Each node NOTIFYs its own changes (batched, from a background thread, never from the
 * worker that made them) and holds one pooled connection that LISTENs, handing the other nodes' changes to its
 * {@link TaskEventHub}. Inert on H2, which serves a single node. Best effort by design: the task row stays the
 * truth, and a client that missed an event during a database hiccup sees the state on its next poll.
 */
@Component
class ClusterTaskEvents {

    static final String CHANNEL = "reelgate_task_events";
    private static final Logger log = LoggerFactory.getLogger(ClusterTaskEvents.class);
    /** NOTIFY payloads are capped at 8000 bytes; a failure message is cut well below that. */
    private static final int MAX_FAIL_MSG = 1000;
    /** Announcements per NOTIFY statement: 100 payloads of at most ~1.5 kB stay far below any statement limit. */
    private static final int MAX_BATCH = 100;

    private final boolean enabled;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TaskEventHub hub;
    private final ApplicationEventPublisher events;
    private final String origin = UUID.randomUUID().toString();
    /** Announcements waiting to be sent; beyond its capacity new ones are dropped (the rows stay the truth). */
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(10_000);
    private volatile boolean running;
    private Thread listener;
    private Thread sender;

    ClusterTaskEvents(DatabaseKind database, @Value("${reelgate.stream.cluster-events:true}") boolean clusterEvents,
                      DataSource dataSource, JdbcClient jdbc, ObjectMapper json, TaskEventHub hub,
                      ApplicationEventPublisher events) {
        this.enabled = clusterEvents && database.isPostgres();
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.hub = hub;
        this.events = events;
    }

    @PostConstruct
    void start() {
        if (enabled) {
            running = true;
            listener = DaemonThreads.named("reelgate-event-listen").newThread(this::listen);
            listener.start();
            sender = DaemonThreads.named("reelgate-event-notify").newThread(this::send);
            sender.start();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : new Thread[] {listener, sender}) {
            if (thread != null) {
                thread.interrupt();
                thread.join(5000);
            }
        }
    }

    @EventListener
    void onTaskChanged(TaskChanged event) {
        Task t = event.task();
        boolean failed = t.state() == TaskState.FAIL;
        announce(t.apiKeyId(), t.id(), TaskLabel.of(t), t.state().wire(), t.progress(),
                failed ? t.failCode() : null, failed ? t.failMsg() : null);
    }

    @EventListener
    void onTaskProgressed(TaskProgressed event) {
        announce(event.apiKeyId(), event.taskId(), event.label(), TaskState.GENERATING.wire(), event.progress(), null, null);
    }

    private void announce(String apiKeyId, String taskId, TaskLabel label, String state, int progress, Integer failCode,
                          String failMsg) {
        if (!running) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("origin", origin);
        payload.put("apiKeyId", apiKeyId);
        payload.put("taskId", taskId);
        payload.put("kind", label.kind());
        payload.put("dialect", label.dialect());
        payload.put("model", label.model());
        payload.put("state", state);
        payload.put("progress", progress);
        payload.put("failCode", failCode);
        payload.put("failMsg", failMsg == null || failMsg.length() <= MAX_FAIL_MSG ? failMsg : failMsg.substring(0, MAX_FAIL_MSG));
        if (!outbox.offer(json.writeValueAsString(payload))) {
            log.debug("Task-change outbox full; not announcing {} to other nodes", taskId);
        }
    }

    /**
     * Sends what is waiting in one statement, so a burst of changes costs one NOTIFY transaction (each is a commit
     * on the database) rather than one per change.
     */
    private void send() {
        List<String> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                batch.add(outbox.take());
                outbox.drainTo(batch, MAX_BATCH - 1);
                StringJoiner sql = new StringJoiner(", ", "SELECT ", "");
                Map<String, Object> params = new HashMap<>();
                params.put("channel", CHANNEL);
                for (int i = 0; i < batch.size(); i++) {
                    sql.add("pg_notify(:channel, :p" + i + ")");
                    params.put("p" + i, batch.get(i));
                }
                jdbc.sql(sql.toString()).params(params).query().listOfRows();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.debug("Could not announce {} task change(s) to other nodes: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                log.info("Listening for task changes from other nodes");
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            relayOne(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Lost the task-change channel ({}); reconnecting in 1 s", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    /**
     * One announcement that cannot be read (or whose listener fails) is skipped: dropping the channel for it would
     * lose the rest of its batch and whatever other nodes announce while this one reconnects.
     */
    private void relayOne(String text) {
        try {
            relay(text);
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable task-change announcement from another node: {}", e.toString());
        }
    }

    private void relay(String text) {
        JsonNode event = json.readTree(text);
        if (origin.equals(event.path("origin").asString())) {
            return; // our own change, already published locally
        }
        JsonNode failCode = event.path("failCode");
        JsonNode failMsg = event.path("failMsg");
        String taskId = event.path("taskId").asString();
        String state = event.path("state").asString();
        boolean ended = TaskState.fromWire(state).isTerminal(); // first: a state no node writes reaches no client
        hub.publishFromOtherNode(event.path("apiKeyId").asString(), taskId,
                new TaskLabel(event.path("kind").asString(), event.path("dialect").asString(null),
                        event.path("model").asString(null)), state, event.path("progress").asInt(),
                failCode.isNumber() ? failCode.asInt() : null, failMsg.isString() ? failMsg.asString() : null);
        if (ended) {
            events.publishEvent(new TaskEndedElsewhere(taskId));
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
