package com.careloop.operations;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The default run's mail server: GreenMail on 127.0.0.1 (careloop.mailbox.smtp-port, 0 = any free port), which keeps
 * every message it receives in memory so that a manager reads them at {@code GET /api/mailbox}. The application's
 * mail sender points at it (Spring Boot's own sender, configured by spring.mail.*, then stays out). On
 * careloop.mailbox.enabled=false (profile postgres: SMTP from the environment, Mailpit in docker-compose) none of it exists.
 */
@Configuration
@ConditionalOnProperty(name = "careloop.mailbox.enabled", havingValue = "true")
// spring.mail.* (timeouts): Spring Boot's mail auto-configuration, which would bind them, stays out when this sender exists
@EnableConfigurationProperties(MailProperties.class)
class MailCatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailCatcher.class);

    @Bean(destroyMethod = "stop")
    GreenMail greenMail(@Value("${careloop.mailbox.smtp-port:0}") int configuredPort) {
        int port = configuredPort > 0 ? configuredPort : freePort();
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        LOG.info("Mail catcher (GreenMail) listening on 127.0.0.1:{}; messages at GET /api/mailbox", port);
        return mail;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail greenMail, MailProperties mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setProtocol("smtp");
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        sender.setJavaMailProperties(properties);
        return sender;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the mail catcher", e);
        }
    }
}
