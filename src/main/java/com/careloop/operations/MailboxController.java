package com.careloop.operations;

import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.CareLoopGroups;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/mailbox?limit=}: the messages the default run's mail catcher received, newest first (cs-managers, admins). */
@RestController
@RequestMapping("/api/mailbox")
class MailboxController {

    static final Set<String> READ_MAILBOX = Set.of(CareLoopGroups.CS_MANAGERS, CareLoopGroups.ADMIN);

    private final ObjectProvider<GreenMail> catcher;
    private final ApiAccess access;

    MailboxController(ObjectProvider<GreenMail> catcher, ApiAccess access) {
        this.catcher = catcher;
        this.access = access;
    }

    record CaughtMail(String subject, List<String> to, String from, Instant receivedAt, String body) {
    }

    @GetMapping
    List<CaughtMail> messages(@RequestParam(defaultValue = "50") int limit) {
        access.requireAny(READ_MAILBOX);
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "1–500");
        }
        GreenMail mail = catcher.getIfAvailable();
        if (mail == null) {
            throw new NotFoundException("邮件捕获器 Mail catcher", "of this run (default run only; profile postgres: the mail server's own web UI)");
        }
        return Arrays.stream(mail.getReceivedMessages())
                .map(MailboxController::view)
                .sorted(Comparator.comparing(CaughtMail::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit)
                .toList();
    }

    private static CaughtMail view(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            Address[] from = m.getFrom();
            Instant at = m.getReceivedDate() != null ? m.getReceivedDate().toInstant()
                    : m.getSentDate() != null ? m.getSentDate().toInstant() : null;
            return new CaughtMail(m.getSubject(), to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    from == null || from.length == 0 ? null : from[0].toString(), at, body(m));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable caught message", e);
        }
    }

    private static String body(MimeMessage m) throws MessagingException {
        try {
            Object content = m.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof jakarta.mail.Multipart multipart && multipart.getCount() > 0) {
                return GreenMailUtil.getBody(multipart.getBodyPart(0));
            }
        } catch (java.io.IOException e) {
            // fall through to the raw body
        }
        return GreenMailUtil.getBody(m);
    }
}
