package com.careloop.notification;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.notification.*: whether e-mail really goes out over SMTP (else it is only written to the delivery
 * log), the sender, the language of the templates, each department's head (e-mail, SMS number), and the
 * connect and read timeouts of every outbound channel other than SMTP (whose timeouts are spring.mail.properties):
 * a gateway that accepts and never answers fails the send, the notification task retries, then raises an incident.
 */
@ConfigurationProperties("careloop.notification")
public record NotificationProperties(boolean emailEnabled, String from, Locale locale,
                                     Map<String, String> departmentHeadEmail, Map<String, String> departmentHeadSms,
                                     Duration connectTimeout, Duration readTimeout, Worker worker) {

    /**
     * careloop.notification.worker.*: the in-process worker that serves the notification tasks (external tasks of
     * topic "notification"): whether it polls (off in tests, which call {@link NotificationWorker#runOnce()}), how
     * often, how long a fetched task stays locked to this node (longer than any send can take with the timeouts above:
     * a node that dies mid-send leaves the task to another after it), and how many tasks per fetch. The retry cycle is
     * the model's: the {@code retryCycle} property of each notification task.
     */
    public record Worker(Boolean enabled, Duration pollInterval, Duration lockDuration, Integer batchSize, Integer threads) {
        public Worker {
            enabled = enabled == null || enabled;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            lockDuration = lockDuration == null ? Duration.ofMinutes(5) : lockDuration;
            batchSize = batchSize == null ? 10 : batchSize;
            threads = threads == null ? 1 : Math.max(1, threads);
        }
    }

    public NotificationProperties {
        from = from == null ? "careloop@localhost" : from;
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        departmentHeadEmail = departmentHeadEmail == null ? Map.of() : Map.copyOf(departmentHeadEmail);
        departmentHeadSms = departmentHeadSms == null ? Map.of() : Map.copyOf(departmentHeadSms);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        worker = worker == null ? new Worker(null, null, null, null, null) : worker;
    }
}
