package com.careloop.operations;

import com.careloop.notification.LoggingSmsChannel;
import com.careloop.notification.SmsChannel;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Health components "mail" and "sms": their state in the details, never DOWN. A mail server that is away delays
 * notifications (the notification tasks retry, then raise incidents an operator retries); it does not make the
 * application unhealthy, so no probe or orchestrator restarts a working app for it. Spring Boot's own mail health
 * (DOWN when the server is unreachable) is switched off (management.health.mail.enabled=false).
 */
@Configuration
class NotificationHealth {

    @Bean
    HealthIndicator mailHealthIndicator(ObjectProvider<JavaMailSenderImpl> senders) {
        return () -> {
            List<JavaMailSenderImpl> all = senders.orderedStream().toList();
            if (all.isEmpty()) {
                return Health.unknown().withDetail("message", "no mail sender configured").build();
            }
            JavaMailSenderImpl sender = all.get(0);
            Health.Builder health = new Health.Builder().withDetail("location", sender.getHost() + ":" + sender.getPort());
            try {
                sender.testConnection();
                return health.up().build();
            } catch (Exception e) {
                return health.status(Status.UNKNOWN).withDetail("reachable", false)
                        .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                        .withDetail("message", "mail is not sent now: notification tasks retry, then raise incidents").build();
            }
        };
    }

    @Bean
    HealthIndicator smsHealthIndicator(SmsChannel sms) {
        return () -> Health.up().withDetail("channel", sms.getClass().getSimpleName())
                .withDetail("gateway", !(sms instanceof LoggingSmsChannel)).build();
    }
}
