package io.reelgate.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.BareTransitions;
import io.reelgate.server.testsupport.TestDatabases;
import io.reelgate.server.testsupport.TestTaskInputs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes' {@link ClusterTaskEvents} on one embedded PostgreSQL: a task one node ends reaches the other as a
 * {@link TaskEndedElsewhere}, so work the other does for it stops without waiting for a heartbeat; a change that
 * does not end the task does not.
 */
class ClusterTaskEventsDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final DataSource dataSource = TestDatabases.migrated(TestDatabases.Kind.POSTGRES);
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final TaskRepository tasks = new TaskRepository(jdbc);
    private final List<TaskChanged> changes = new CopyOnWriteArrayList<>();
    private final TaskTransitions transitions = BareTransitions.on(jdbc, dataSource, tasks,
            event -> changes.add((TaskChanged) event), DatabaseKind.of(true));
    private final String keyId = new ApiKeyRepository(jdbc).create("test", "rg_" + UUID.randomUUID(), T0);
    private final List<Object> seenByB = new CopyOnWriteArrayList<>();
    private final ClusterTaskEvents nodeA = node(event -> { });
    private final ClusterTaskEvents nodeB = node(seenByB::add);

    @AfterEach
    void stop() throws InterruptedException {
        nodeA.stop();
        nodeB.stop();
    }

    @Test
    void aTaskCancelledOnOneNodeIsAnnouncedAsEndedOnTheOther() {
        String admitted = task();
        transitions.admit(admitted, T0);
        String cancelled = task();
        transitions.cancel(cancelled, TaskState.WAIT, "Task was cancelled by the user", T0);
        TaskChanged admission = changes.get(0);
        TaskChanged cancel = changes.get(1);
        assertThat(admission.task().state()).isEqualTo(TaskState.QUEUEING);
        assertThat(cancel.task().state()).isEqualTo(TaskState.FAIL);

        // announced again until B hears it: B's LISTEN may start after A's first NOTIFY
        Await.until(WAIT, "node B told that the task ended", () -> {
            nodeA.onTaskChanged(admission);
            nodeA.onTaskChanged(cancel);
            return List.copyOf(seenByB);
        }, seen -> seen.contains(new TaskEndedElsewhere(cancelled)));

        assertThat(seenByB).as("only the ending is published, not the admission")
                .containsOnly(new TaskEndedElsewhere(cancelled));
    }

    @Test
    void anUnreadableAnnouncementIsSkippedAndTheRestOfItsBatchStillArrives() {
        String ended = task();
        String good = "{\"origin\":\"another-node\",\"apiKeyId\":\"" + keyId + "\",\"taskId\":\"" + ended
                + "\",\"kind\":\"generate\",\"state\":\"fail\",\"progress\":0}";
        String unknownState = good.replace("\"fail\"", "\"paused\"");

        // one NOTIFY statement, so B receives all three in one batch; repeated until B's LISTEN has started
        Await.until(WAIT, "the readable announcement relayed", () -> {
            jdbc.sql("SELECT pg_notify(:channel, 'not json'), pg_notify(:channel, :unknown), pg_notify(:channel, :good)")
                    .param("channel", ClusterTaskEvents.CHANNEL).param("unknown", unknownState).param("good", good)
                    .query().listOfRows();
            return List.copyOf(seenByB);
        }, seen -> seen.contains(new TaskEndedElsewhere(ended)));
    }

    private ClusterTaskEvents node(ApplicationEventPublisher events) {
        ClusterTaskEvents node = new ClusterTaskEvents(DatabaseKind.of(true), true, dataSource, jdbc,
                JsonMapper.builder().build(), new TaskEventHub(Clock.systemUTC(), 100, 1, Duration.ofSeconds(15)), events);
        node.start();
        return node;
    }

    private String task() {
        String id = UUID.randomUUID().toString();
        tasks.insert(new NewTask(id, keyId, TaskKind.GENERATE, null, "preview",
                TestTaskInputs.textToVideo("a red fox").build(), 12, T0, null, null, "test", List.of()));
        return id;
    }
}
