package com.careloop.notification;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.notification.*: whether e-mail really goes out over SMTP (else it is only written to the delivery
 * log), the sender, the language of the templates, each department's head (e-mail, SMS number), and the
 * connect and read timeouts of every outbound channel other than SMTP (whose timeouts are spring.mail.properties):
 * a gateway that accepts and never answers fails the send, the job retries, then raises an incident.
 */
@ConfigurationProperties("careloop.notification")
public record NotificationProperties(boolean emailEnabled, String from, Locale locale,
                                     Map<String, String> departmentHeadEmail, Map<String, String> departmentHeadSms,
                                     Duration connectTimeout, Duration readTimeout) {

    public NotificationProperties {
        from = from == null ? "careloop@localhost" : from;
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        departmentHeadEmail = departmentHeadEmail == null ? Map.of() : Map.copyOf(departmentHeadEmail);
        departmentHeadSms = departmentHeadSms == null ? Map.of() : Map.copyOf(departmentHeadSms);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
