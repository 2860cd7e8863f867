package com.careloop.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Test profile: every SQL statement Hibernate (JPA repositories) prepares on the calling thread while
 * {@link #during} runs, to show that a read is one query however many rows it concerns (not a timing).
 */
@Component
@Profile("test")
public class StatementCounter implements HibernatePropertiesCustomizer {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private static final StatementInspector INSPECTOR = sql -> {
        List<String> recording = RECORDING.get();
        if (recording != null) {
            recording.add(sql);
        }
        return sql;
    };

    @Override
    public void customize(Map<String, Object> properties) {
        properties.put(AvailableSettings.STATEMENT_INSPECTOR, INSPECTOR);
    }

    /** The statements {@code work} made Hibernate prepare on this thread. */
    public static List<String> during(Runnable work) {
        List<String> recorded = new ArrayList<>();
        RECORDING.set(recorded);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return recorded;
    }
}
