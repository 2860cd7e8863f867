package com.careloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.notification.LoggingSmsChannel;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mail and SMS report their state, never DOWN: a mail server that is away must not make the app unhealthy. */
class NotificationHealthTest {

    @Test
    void anUnreachableMailServerIsUnknownWithTheReasonNeverDown() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(closedPort);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);

        Health health = new NotificationHealth().mailHealthIndicator(beans.getBeanProvider(JavaMailSenderImpl.class)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("reachable", false).containsEntry("location", "127.0.0.1:" + closedPort)
                .containsKey("error");
    }

    @Test
    void noMailSenderIsUnknown() {
        Health health = new NotificationHealth().mailHealthIndicator(new StaticListableBeanFactory().getBeanProvider(JavaMailSenderImpl.class)).health();
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void smsSaysWhetherAGatewayIsThere() {
        Health health = new NotificationHealth().smsHealthIndicator(new LoggingSmsChannel()).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("gateway", false).containsEntry("channel", "LoggingSmsChannel");
    }
}
