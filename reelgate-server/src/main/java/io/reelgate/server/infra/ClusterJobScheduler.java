package io.reelgate.server.infra;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Schedules every {@link ClusterJob} bean with a fixed delay of its interval, each attempt booked through
 * {@link ClusterJobs} so that one node a period runs it.
 */
@Component
class ClusterJobScheduler implements SchedulingConfigurer {

    private final ClusterJobs clusterJobs;
    private final ObjectProvider<ClusterJob> jobs;

    ClusterJobScheduler(ClusterJobs clusterJobs, ObjectProvider<ClusterJob> jobs) {
        this.clusterJobs = clusterJobs;
        this.jobs = jobs;
    }

    /**
     * Called once every singleton exists, so a job whose bean is declared by a wider type (e.g. a
     * {@code @Bean} method returning an interface) is found by its actual class.
     */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (ClusterJob job : jobs()) {
            registrar.addFixedDelayTask(new FixedDelayTask(() -> runIfDue(job), job.interval(), job.initialDelay()));
        }
    }

    List<ClusterJob> jobs() {
        return jobs.orderedStream().toList();
    }

    /** One scheduled attempt: true when this node won the period and ran the job. */
    boolean runIfDue(ClusterJob job) {
        return clusterJobs.runIfDue(job.name(), job.interval(), job::run);
    }
}
