package io.reelgate.server.schedule;

import io.reelgate.server.dispatch.NodeIdentity;
import io.reelgate.server.task.DbTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs periodic housekeeping once per period across the cluster. Every node asks on its own schedule; the first to
 * move the job's {@code next_run_at} past now with a single conditional UPDATE runs it, the others skip. The next
 * run is booked before the work starts, so a node that dies mid-run only delays the job by one period, and the jobs
 * are idempotent anyway (they delete what is expired). On a single node this is one cheap UPDATE per period.
 */
@Component
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final JdbcClient jdbc;
    private final String nodeId;
    private final Clock clock;

    @Autowired
    ClusterJobs(JdbcClient jdbc, NodeIdentity node, Clock clock) {
        this(jdbc, node.id(), clock);
    }

    public ClusterJobs(JdbcClient jdbc, String nodeId, Clock clock) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /**
     * Runs {@code job} if no node has run it within the last {@code period} (less a tenth, so nodes that ask every
     * {@code period} do not drift to every second period). Failures are logged; the job runs again next period.
     *
     * @return true when this node ran the job
     */
    public boolean runIfDue(String name, Duration period, Runnable job) {
        if (!claim(name, period)) {
            return false;
        }
        try {
            job.run();
        } catch (RuntimeException e) {
            log.error("Cluster job {} failed on {}; it runs again in {}", name, nodeId, period, e);
        }
        return true;
    }

    /** Books this period's run of {@code name} for this node; true when no other node had booked it. */
    public boolean claim(String name, Duration period) {
        Instant now = clock.instant();
        Instant next = now.plus(period.minus(period.dividedBy(10)));
        int rows = jdbc.sql("""
                        UPDATE cluster_job SET next_run_at = :next, last_run_by = :node, last_run_at = :now, runs = runs + 1
                        WHERE name = :name AND next_run_at <= :now""")
                .param("next", DbTime.of(next))
                .param("node", nodeId)
                .param("now", DbTime.of(now))
                .param("name", name)
                .update();
        if (rows == 1) {
            return true;
        }
        return insertFirstRun(name, now, next);
    }

    private boolean insertFirstRun(String name, Instant now, Instant next) {
        try {
            return jdbc.sql("""
                            INSERT INTO cluster_job (name, next_run_at, last_run_by, last_run_at, runs)
                            SELECT :name, :next, :node, :now, 1 WHERE NOT EXISTS (SELECT 1 FROM cluster_job WHERE name = :name)""")
                    .param("name", name)
                    .param("next", DbTime.of(next))
                    .param("node", nodeId)
                    .param("now", DbTime.of(now))
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false; // another node created the row, and so runs this period
        }
    }
}
