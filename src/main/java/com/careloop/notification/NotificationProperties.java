package com.careloop.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.notification.*: whether e-mail really goes out over SMTP (else it is only written to the delivery
 * log), the sender, the language of the templates, and each department's head (e-mail, SMS number).
 */
@ConfigurationProperties("careloop.notification")
public record NotificationProperties(boolean emailEnabled, String from, Locale locale,
                                     Map<String, String> departmentHeadEmail, Map<String, String> departmentHeadSms) {

    public NotificationProperties {
        from = from == null ? "careloop@localhost" : from;
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        departmentHeadEmail = departmentHeadEmail == null ? Map.of() : Map.copyOf(departmentHeadEmail);
        departmentHeadSms = departmentHeadSms == null ? Map.of() : Map.copyOf(departmentHeadSms);
    }
}
