package com.careloop.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a message to each recipient and writes one delivery-log row per recipient in its own transaction, right
 * after the send. A failure throws (the notification task retries, then raises an incident: {@link NotificationWorker});
 * a retry skips the recipients already logged, so nobody is lost and nobody gets it twice. A message with attachments
 * goes out as a multipart e-mail (the delivery log names the files). Never called inside a transaction: that would
 * hold a database connection while waiting on the mail or SMS server.
 */
@Service
@EnableConfigurationProperties(NotificationProperties.class)
public class Notifier {

    private final NotificationProperties props;
    private final MessageSource templates;
    private final ObjectProvider<JavaMailSender> mail;
    private final SmsChannel sms;
    private final NotificationDeliveryRepository log;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public Notifier(NotificationProperties props, @org.springframework.beans.factory.annotation.Qualifier("notificationTemplates") MessageSource templates,
                    ObjectProvider<JavaMailSender> mail, SmsChannel sms, NotificationDeliveryRepository log,
                    PlatformTransactionManager transactionManager, Clock clock) {
        this.props = props;
        this.templates = templates;
        this.mail = mail;
        this.sms = sms;
        this.log = log;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public void send(Message m) {
        refuseInsideATransaction();
        send(m, loggedKeys(m));
    }

    /**
     * The delivery-log keys of this message's recipients that are logged already (a retry): one query for the whole
     * message. {@link NotificationWorker} reads them in the transaction that composes the message; the task is locked
     * by this worker from then until it completes or fails, so no other worker logs one of them in between.
     */
    Set<String> loggedKeys(Message m) {
        List<String> keys = new ArrayList<>();
        m.emailTo().forEach(to -> keys.add(key(m, Channel.EMAIL, to)));
        m.smsTo().forEach(to -> keys.add(key(m, Channel.SMS, to)));
        return keys.isEmpty() ? Set.of() : log.loggedKeys(keys);
    }

    private static String key(Message m, Channel channel, String to) {
        return m.idempotencyKey() + ":" + channel + ":" + to;
    }

    private void refuseInsideATransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Notifier.send inside a transaction would hold a database connection while waiting"
                    + " on the network: send from NotificationWorker (a notification task) instead");
        }
    }

    /**
     * Sends to every recipient whose key is not in {@code alreadyLogged} ({@link #loggedKeys}); each delivery-log row is
     * committed on its own right after its send, so that a crash or a failing later send never loses the record of
     * a message already handed to the server (its retry would send it twice).
     */
    void send(Message m, Set<String> alreadyLogged) {
        refuseInsideATransaction();
        String subject = templates.getMessage(m.type() + ".subject", m.args(), props.locale());
        String body = templates.getMessage(m.type() + ".body", m.args(), props.locale());
        for (String to : m.emailTo()) {
            String key = key(m, Channel.EMAIL, to);
            if (alreadyLogged.contains(key)) {
                continue;
            }
            NotificationDelivery.Status status = NotificationDelivery.Status.LOGGED;
            JavaMailSender sender = props.emailEnabled() ? mail.getIfAvailable() : null;
            if (sender != null) {
                if (m.attachments().isEmpty()) {
                    SimpleMailMessage mailMessage = new SimpleMailMessage();
                    mailMessage.setFrom(props.from());
                    mailMessage.setTo(to);
                    mailMessage.setSubject(subject);
                    mailMessage.setText(body);
                    sender.send(mailMessage);
                } else {
                    sender.send(mime -> {
                        MimeMessageHelper multipart = new MimeMessageHelper(mime, true, "UTF-8");
                        multipart.setFrom(props.from());
                        multipart.setTo(to);
                        multipart.setSubject(subject);
                        multipart.setText(body);
                        for (Attachment a : m.attachments()) {
                            multipart.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
                        }
                    });
                }
                status = NotificationDelivery.Status.SENT;
            }
            String logged = m.attachments().isEmpty() ? body : body + "\n[附件 Attachments: "
                    + String.join(", ", m.attachments().stream().map(Attachment::fileName).toList()) + "]";
            record(new NotificationDelivery(key, Channel.EMAIL, m.type(), to, subject, logged, m.reference(), status, clock.instant()));
        }
        String text = subject + " — " + body;
        for (String to : m.smsTo()) {
            String key = key(m, Channel.SMS, to);
            if (alreadyLogged.contains(key)) {
                continue;
            }
            SmsChannel.Sent sent = sms.deliver(new SmsChannel.Text(to, text, m.type(), templateVariables(m.args())));
            record(new NotificationDelivery(key, Channel.SMS, m.type(), to, subject, text.length() > 4000 ? text.substring(0, 4000) : text,
                    m.reference(), sent.sent() ? NotificationDelivery.Status.SENT : NotificationDelivery.Status.LOGGED, clock.instant())
                    .withProviderMessageId(sent.providerMessageId()));
        }
    }

    private static List<String> templateVariables(Object[] args) {
        List<String> vars = new ArrayList<>();
        if (args != null) {
            for (Object a : args) {
                vars.add(a == null ? "" : a.toString());
            }
        }
        return vars;
    }

    private void record(NotificationDelivery delivery) {
        ownTransaction.executeWithoutResult(status -> log.save(delivery));
    }

    @Configuration
    static class NotifierConfiguration {

        @Bean
        MessageSource notificationTemplates() {
            ResourceBundleMessageSource source = new ResourceBundleMessageSource();
            source.setBasename("notifications/messages");
            source.setDefaultEncoding("UTF-8");
            source.setFallbackToSystemLocale(false);
            return source;
        }

        /** The outbox: no provider (careloop.sms.provider unset or outbox; a provider's channel: notification/sms). */
        @Bean
        @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "careloop.sms.provider", havingValue = "outbox", matchIfMissing = true)
        SmsChannel smsChannel() {
            return new LoggingSmsChannel();
        }
    }
}
