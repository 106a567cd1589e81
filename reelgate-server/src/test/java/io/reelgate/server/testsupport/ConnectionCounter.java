package io.reelgate.server.testsupport;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts database connections taken per thread-name prefix, so a test can prove which threads touch the database
 * (every statement outside a transaction takes one). Wraps the application's DataSource; changes nothing else.
 */
public class ConnectionCounter implements BeanPostProcessor {

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || Proxy.isProxyClass(bean.getClass())) {
            return bean;
        }
        return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        COUNTS.computeIfAbsent(threadGroup(Thread.currentThread().getName()), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Connections taken so far by threads whose names start with {@code prefix}. */
    public static long count(String prefix) {
        return COUNTS.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    private static String threadGroup(String name) {
        return name.replaceAll("-\\d+$", "");
    }
}
