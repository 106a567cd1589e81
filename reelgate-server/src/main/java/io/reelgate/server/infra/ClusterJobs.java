package io.reelgate.server.infra;

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
 * move the job's {@code last_run_at} to now with a single conditional UPDATE (only if it is a period old) runs it,
 * the others skip. The run is booked before the work starts, so a node that dies mid-run only delays the job by one
 * period, and the jobs are idempotent anyway (they delete what is expired). On one node: one cheap UPDATE a period.
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

    /**
     * Books this period's run of {@code name} for this node; true when no node ran it within the last
     * {@code period}. The period is the caller's, not a stored one, so a changed interval applies at once.
     */
    public boolean claim(String name, Duration period) {
        Instant now = clock.instant();
        Instant dueBefore = now.minus(period.minus(period.dividedBy(10)));
        int rows = jdbc.sql("""
                        UPDATE cluster_job SET last_run_at = :now, last_run_by = :node, runs = runs + 1
                        WHERE name = :name AND last_run_at <= :dueBefore""")
                .param("now", DbTime.of(now))
                .param("node", nodeId)
                .param("name", name)
                .param("dueBefore", DbTime.of(dueBefore))
                .update();
        return rows == 1 || insertFirstRun(name, now);
    }

    private boolean insertFirstRun(String name, Instant now) {
        try {
            return jdbc.sql("""
                            INSERT INTO cluster_job (name, last_run_at, last_run_by, runs)
                            SELECT :name, :now, :node, 1 WHERE NOT EXISTS (SELECT 1 FROM cluster_job WHERE name = :name)""")
                    .param("name", name)
                    .param("now", DbTime.of(now))
                    .param("node", nodeId)
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false; // another node created the row, and so runs this period
        }
    }
}
