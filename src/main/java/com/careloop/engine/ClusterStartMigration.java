package com.careloop.engine;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * CareLoop's own migrations (Flyway) run before the engine is built, so the one-node-at-a-time start of
 * {@link ClusterStartLock} begins before them: two nodes starting together on an empty PostgreSQL otherwise both
 * create Flyway's history table, and the second fails ("Unable to baseline schema history table … as it already
 * exists, and is empty"). The lock is the same, held until the node is ready.
 */
@Configuration(proxyBeanMethods = false)
class ClusterStartMigration {

    @Bean
    FlywayMigrationStrategy migrateUnderTheStartLock(ClusterStartLock lock) {
        return flyway -> {
            lock.acquire();
            flyway.migrate();
        };
    }
}
