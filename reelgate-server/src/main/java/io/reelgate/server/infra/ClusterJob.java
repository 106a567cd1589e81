package io.reelgate.server.infra;

import java.time.Duration;

/**
 * A periodic housekeeping job that runs once per {@link #interval()} across the cluster. A bean implementing it is
 * all it takes: {@link ClusterJobScheduler} asks every node on that interval and {@link ClusterJobs} books the run
 * for one of them. The job is idempotent (it deletes what is expired), so a node dying mid-run costs one period.
 */
public interface ClusterJob {

    /** The job's row in {@code cluster_job}; keep it stable, a new name starts a new schedule. */
    String name();

    /** How often the job runs, from its setting. */
    Duration interval();

    /** How long after start-up the first attempt waits, so start-up is not slowed by housekeeping. */
    default Duration initialDelay() {
        return Duration.ofMinutes(1);
    }

    void run();
}
