package com.careloop.survey;

import com.careloop.followup.AnswerChannel;
import com.careloop.feedback.RevisitLinks;
import com.careloop.followup.SurveyTexts;
import com.careloop.sla.ServiceParameters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey links (of follow-ups and of closure re-visits): a token of 256 random bits (URL-safe Base64, 43 characters) of which only the SHA-256 is stored, valid
 * for bpmn/serviceParameters.dmn survey.linkValidity. The token is handed out once, in the text the followup module
 * composes, and is never logged, stored or put into a process variable.
 */
@Service
@EnableConfigurationProperties(SurveyProperties.class)
public class SurveyLinks implements SurveyTexts, RevisitLinks {

    /** What a token looks like: anything else is unknown without a database read. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyLinkRepository links;
    private final SmsOptOutRepository optOuts;
    private final SurveyProperties props;
    private final ServiceParameters parameters;
    private final Clock clock;

    SurveyLinks(SurveyLinkRepository links, SmsOptOutRepository optOuts, SurveyProperties props, ServiceParameters parameters,
                Clock clock) {
        this.links = links;
        this.optOuts = optOuts;
        this.props = props;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String newLink(long followUpId, long customerId, AnswerChannel channel) {
        String token = newToken();
        Instant now = clock.instant();
        links.save(new SurveyLink(hash(token), followUpId, customerId, channel, now, now.plus(parameters.surveyLinkValidity())));
        return props.baseUrl() + "/s/" + token;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String newRevisitLink(long feedbackItemId, long customerId) {
        String token = newToken();
        Instant now = clock.instant();
        links.save(SurveyLink.ofRevisit(hash(token), feedbackItemId, customerId, AnswerChannel.SMS, now,
                now.plus(parameters.surveyLinkValidity())));
        return props.baseUrl() + "/s/" + token;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean textedWithin(long customerId, java.time.Duration window) {
        return links.existsByCustomerIdAndCreatedAtAfter(customerId, clock.instant().minus(window));
    }

    @Override
    public String companyName() {
        return props.companyName();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean textsRefused(long customerId) {
        return optOuts.existsById(customerId);
    }

    /** The link of this token, when the token has the right form and is known. */
    @Transactional(readOnly = true)
    Optional<SurveyLink> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return links.findByTokenHash(hash(token));
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
