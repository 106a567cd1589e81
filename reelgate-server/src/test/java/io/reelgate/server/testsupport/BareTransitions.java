package io.reelgate.server.testsupport;

import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTerminalListener;
import io.reelgate.server.task.TaskTransitions;
import javax.sql.DataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real {@link TaskTransitions} on a test database, without terminal listeners (no refunds, no callback rows):
 * what the database tests of the task table need. Events go to {@code events}.
 */
public final class BareTransitions {

    private BareTransitions() {
    }

    /** @param jdbc what the statements go through: a client of {@code dataSource}, or one that records them */
    public static TaskTransitions on(JdbcClient jdbc, DataSource dataSource, TaskRepository tasks,
                                     ApplicationEventPublisher events, DatabaseKind database) {
        return new TaskTransitions(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), tasks,
                new StaticListableBeanFactory().getBeanProvider(TaskTerminalListener.class), events, database);
    }
}
