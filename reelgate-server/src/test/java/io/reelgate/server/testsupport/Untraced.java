package io.reelgate.server.testsupport;

import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTracing;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The tracing a service gets when no tracer is configured, for tests that build services by hand. */
public final class Untraced {

    private Untraced() {
    }

    public static TaskTracing tracing(TaskRepository tasks) {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        return new TaskTracing(none.getBeanProvider(Tracer.class), none.getBeanProvider(Propagator.class), tasks);
    }
}
