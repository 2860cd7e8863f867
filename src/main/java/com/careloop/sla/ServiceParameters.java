package com.careloop.sla;

import com.careloop.engine.LatestDecision;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The business parameters process designers own, read from the deployed decision {@code serviceParameters}
 * ({@code bpmn/serviceParameters.dmn}: one row per parameter, its value and what it means). They are not in
 * application.yml: a redeployed table takes effect at the next read. The models use them as
 * {@code ${serviceParameters.integer('followUp.maxAttempts')}}; Java through the typed accessors below.
 * <p>
 * The table is parsed once per deployed version and evaluated in memory (no history rows, no authorization
 * of whoever is signed in: the parameters are the system's, not a user's).
 */
@Component("serviceParameters")
public class ServiceParameters {

    public static final String DECISION_KEY = "serviceParameters";
    public static final String RESOURCE = "bpmn/serviceParameters.dmn";

    /** Every parameter the application reads, with the form its value must have. */
    public enum Parameter {
        FOLLOW_UP_MAX_ATTEMPTS("followUp.maxAttempts", Kind.COUNT),
        FOLLOW_UP_RETRY_INTERVAL("followUp.retryInterval", Kind.DURATION),
        FEEDBACK_REMINDER_AT("feedback.reminderAt", Kind.FRACTION),
        FEEDBACK_CONFIRM_WITHIN("feedback.confirmWithin", Kind.DURATION),
        FEEDBACK_MAX_REVISIT_ATTEMPTS("feedback.maxRevisitAttempts", Kind.COUNT),
        FEEDBACK_REVISIT_RETRY_INTERVAL("feedback.revisitRetryInterval", Kind.DURATION),
        CALLING_HOURS_START("calendar.callingHoursStart", Kind.TIME),
        CALLING_HOURS_END("calendar.callingHoursEnd", Kind.TIME),
        SCREENING_COOLING_PERIOD("screening.coolingPeriod", Kind.DURATION),
        FEEDBACK_TASK_PRIORITY_URGENT("feedback.taskPriority.URGENT", Kind.COUNT),
        FEEDBACK_TASK_PRIORITY_NORMAL("feedback.taskPriority.NORMAL", Kind.COUNT),
        FEEDBACK_TASK_PRIORITY_LOW("feedback.taskPriority.LOW", Kind.COUNT),
        FEEDBACK_VERIFY_SLA("feedback.verifySla", Kind.DURATION),
        FEEDBACK_SAME_MATTER_WINDOW("feedback.sameMatterWindow", Kind.DURATION),
        FEEDBACK_BATCH_PATTERN("feedback.batchPattern", Kind.PATTERN),
        FEEDBACK_LONG_PAUSE_NOTICE("feedback.longPauseNotice", Kind.DURATION),
        FEEDBACK_PROGRESS_NOTICE_LEAD("feedback.progressNoticeLead", Kind.DURATION),
        FEEDBACK_PROGRESS_NOTICE_QUIET("feedback.progressNoticeQuiet", Kind.DURATION),
        FEEDBACK_EXPORT_MAX_ROWS("feedback.exportMaxRows", Kind.COUNT),
        SURVEY_LINK_VALIDITY("survey.linkValidity", Kind.DURATION),
        SURVEY_CALL_BACK_WITHIN("survey.callBackWithin", Kind.DURATION),
        SURVEY_UNKNOWN_TOKENS_PER_MINUTE("survey.unknownTokensPerMinute", Kind.COUNT),
        SURVEY_TEXT_SUPPRESSION("survey.textSuppression", Kind.DURATION),
        SMS_TEXTING_HOURS_START("sms.textingHoursStart", Kind.TIME),
        SMS_TEXTING_HOURS_END("sms.textingHoursEnd", Kind.TIME),
        APPOINTMENT_CALL_AT("appointment.callAt", Kind.TIME);

        private final String key;
        private final Kind kind;

        Parameter(String key, Kind kind) {
            this.key = key;
            this.kind = kind;
        }

        public String key() {
            return key;
        }

        public Kind kind() {
            return kind;
        }

        public static Parameter of(String key) {
            for (Parameter p : values()) {
                if (p.key.equals(key)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown service parameter '" + key + "' (rows of " + RESOURCE + ")");
        }
    }

    /** The form of a value; {@link #check} says what is wrong with one, in the designer's terms. */
    public enum Kind {
        /** a whole number, at least 1 */
        COUNT,
        /** a number strictly between 0 and 1, e.g. 0.8 for 80 % */
        FRACTION,
        /** an ISO-8601 duration such as PT2H or P7D, longer than zero */
        DURATION,
        /** a time of day, HH:mm */
        TIME,
        /** a Java regular expression with at least one capture group (the first group is the value taken); kept as text */
        PATTERN;

        public Object check(String key, String value) {
            if (value == null || value.isBlank()) {
                throw invalid(key, value, "no value");
            }
            String v = value.trim();
            try {
                switch (this) {
                    case COUNT -> {
                        int n = Integer.parseInt(v);
                        if (n < 1) {
                            throw invalid(key, value, "must be at least 1");
                        }
                        return n;
                    }
                    case FRACTION -> {
                        double f = Double.parseDouble(v);
                        if (!(f > 0 && f < 1)) {
                            throw invalid(key, value, "must be between 0 and 1, e.g. 0.8 for 80 %");
                        }
                        return f;
                    }
                    case DURATION -> {
                        Duration d = Duration.parse(v);
                        if (d.isNegative() || d.isZero()) {
                            throw invalid(key, value, "must be longer than zero");
                        }
                        return d;
                    }
                    case PATTERN -> {
                        if (java.util.regex.Pattern.compile(v).matcher("").groupCount() < 1) {
                            throw invalid(key, value, "must have a capture group (...) around the part to take");
                        }
                        return v;
                    }
                    default -> {
                        return LocalTime.parse(v);
                    }
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                throw invalid(key, value, "is not a regular expression: " + e.getDescription());
            } catch (NumberFormatException | DateTimeParseException e) {
                throw invalid(key, value, switch (this) {
                    case COUNT -> "must be a whole number";
                    case FRACTION -> "must be a number such as 0.8";
                    case DURATION -> "must be an ISO-8601 duration such as PT2H or P7D";
                    case TIME -> "must be a time of day such as 09:00";
                    case PATTERN -> "is not a regular expression";
                });
            }
        }

        private static IllegalStateException invalid(String key, String value, String why) {
            return new IllegalStateException(RESOURCE + ": parameter " + key + " = '" + value + "' " + why);
        }
    }

    /** One parsed version of the table: each parameter's checked value. */
    public record Values(String source, Map<Parameter, Object> values) {

        Object get(Parameter p) {
            Object v = values.get(p);
            if (v == null) {
                throw new IllegalStateException(source + " has no row for parameter " + p.key());
            }
            return v;
        }
    }

    private static final DmnEngine DMN = LatestDecision.DMN;

    private final Supplier<Values> values;

    /** Settings that used to be in application.yml; one still set would silently do nothing, so the start fails. */
    static final Map<String, Parameter> MOVED = Map.of(
            "careloop.follow-up.max-attempts", Parameter.FOLLOW_UP_MAX_ATTEMPTS,
            "careloop.follow-up.retry-interval", Parameter.FOLLOW_UP_RETRY_INTERVAL,
            "careloop.feedback.reminder-at", Parameter.FEEDBACK_REMINDER_AT,
            "careloop.feedback.confirm-within", Parameter.FEEDBACK_CONFIRM_WITHIN,
            "careloop.feedback.max-revisit-attempts", Parameter.FEEDBACK_MAX_REVISIT_ATTEMPTS,
            "careloop.feedback.revisit-retry-interval", Parameter.FEEDBACK_REVISIT_RETRY_INTERVAL,
            "careloop.calendar.calling-hours-start", Parameter.CALLING_HOURS_START,
            "careloop.calendar.calling-hours-end", Parameter.CALLING_HOURS_END,
            "careloop.screening.cooling-period", Parameter.SCREENING_COOLING_PERIOD);

    /**
     * Spring's: the engine's services are looked up at the first read, not at construction, because the engine
     * itself evaluates expressions that need beans reading parameters while it deploys (timer start events).
     */
    @Autowired
    public ServiceParameters(ObjectProvider<RepositoryService> repository, ObjectProvider<IdentityService> identity,
                             Environment environment) {
        checkNotConfigured(environment);
        this.values = deployed(repository::getObject, identity::getObject);
    }

    public ServiceParameters(RepositoryService repository, IdentityService identity, Environment environment) {
        checkNotConfigured(environment);
        this.values = deployed(() -> repository, () -> identity);
    }

    private static void checkNotConfigured(Environment environment) {
        List<String> stale = MOVED.entrySet().stream().filter(e -> environment.containsProperty(e.getKey()))
                .map(e -> e.getKey() + " -> " + e.getValue().key()).sorted().toList();
        if (!stale.isEmpty()) {
            throw new IllegalStateException("These settings moved from the configuration to " + RESOURCE
                    + " (edit the row there, in Camunda Modeler) and must be removed: " + stale);
        }
    }

    private ServiceParameters(Values fixed) {
        this.values = () -> fixed;
    }

    /** The parameters of one DMN file, e.g. {@code bpmn/serviceParameters.dmn} in a unit test. */
    public static ServiceParameters fromModel(InputStream dmn, String source) {
        return new ServiceParameters(parse(dmn, source));
    }

    /** Fixed values, checked like the table's (unit tests of code that reads parameters). */
    public static ServiceParameters of(Map<Parameter, String> values) {
        Map<Parameter, Object> map = new EnumMap<>(Parameter.class);
        values.forEach((p, v) -> map.put(p, p.kind().check(p.key(), v)));
        return new ServiceParameters(new Values("fixed values", Collections.unmodifiableMap(map)));
    }

    /**
     * Parses and checks a serviceParameters table: each parameter's row (at most one: hit policy UNIQUE) must hold a
     * valid value, else this fails naming the parameter. A parameter without a row fails when it is read; rows no
     * parameter reads are ignored here (ServiceParametersTest refuses both before a table is shipped).
     */
    public static Values parse(InputStream dmn, String source) {
        DmnDecision decision = DMN.parseDecision(DECISION_KEY, dmn);
        Map<Parameter, Object> map = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            DmnDecisionTableResult result = DMN.evaluateDecisionTable(decision,
                    Variables.createVariables().putValue("parameter", p.key()));
            if (!result.isEmpty()) {
                map.put(p, p.kind().check(p.key(), result.getSingleResult().getSingleEntry()));
            }
        }
        return new Values(source, Collections.unmodifiableMap(map));
    }

    public Object value(Parameter p) {
        return values.get().get(p);
    }

    // --- the expressions the models use ---

    public int integer(String key) {
        return (Integer) value(requireKind(key, Kind.COUNT));
    }

    public double fraction(String key) {
        return (Double) value(requireKind(key, Kind.FRACTION));
    }

    public Duration duration(String key) {
        return (Duration) value(requireKind(key, Kind.DURATION));
    }

    private static Parameter requireKind(String key, Kind kind) {
        Parameter p = Parameter.of(key);
        if (p.kind() != kind) {
            throw new IllegalArgumentException("service parameter " + key + " is a " + p.kind() + ", not a " + kind);
        }
        return p;
    }

    // --- Java ---

    /** Camunda task priority of a feedback task of this urgency (URGENT, NORMAL, LOW): rows feedback.taskPriority.*. */
    public int feedbackTaskPriority(String urgency) {
        return integer("feedback.taskPriority." + urgency);
    }

    public int followUpMaxAttempts() {
        return (Integer) value(Parameter.FOLLOW_UP_MAX_ATTEMPTS);
    }

    public Duration followUpRetryInterval() {
        return (Duration) value(Parameter.FOLLOW_UP_RETRY_INTERVAL);
    }

    public double reminderAt() {
        return (Double) value(Parameter.FEEDBACK_REMINDER_AT);
    }

    public Duration confirmWithin() {
        return (Duration) value(Parameter.FEEDBACK_CONFIRM_WITHIN);
    }

    public int maxRevisitAttempts() {
        return (Integer) value(Parameter.FEEDBACK_MAX_REVISIT_ATTEMPTS);
    }

    public Duration revisitRetryInterval() {
        return (Duration) value(Parameter.FEEDBACK_REVISIT_RETRY_INTERVAL);
    }

    public LocalTime callingHoursStart() {
        return (LocalTime) value(Parameter.CALLING_HOURS_START);
    }

    public LocalTime callingHoursEnd() {
        return (LocalTime) value(Parameter.CALLING_HOURS_END);
    }

    /** How long the service centre has to verify an inbound item (Task_VerifyFeedback), in working time. */
    public Duration verifySla() {
        return (Duration) value(Parameter.FEEDBACK_VERIFY_SLA);
    }

    /** Feedback items of one customer on the same serial number (else product model) within this are one matter. */
    public Duration sameMatterWindow() {
        return (Duration) value(Parameter.FEEDBACK_SAME_MATTER_WINDOW);
    }

    /** How a product's batch is read from its serial number: the first capture group of this pattern. */
    public java.util.regex.Pattern batchPattern() {
        return java.util.regex.Pattern.compile((String) value(Parameter.FEEDBACK_BATCH_PATTERN));
    }

    /** A pause of an item's SLA clock longer than this (working time, days as working days) notifies the supervisors. */
    public Duration longPauseNotice() {
        return (Duration) value(Parameter.FEEDBACK_LONG_PAUSE_NOTICE);
    }

    /** How long before the resolution deadline (on the item's SLA clock) the customer gets a progress notice. */
    public Duration progressNoticeLead() {
        return (Duration) value(Parameter.FEEDBACK_PROGRESS_NOTICE_LEAD);
    }

    /** No progress notice when one went to the customer within this (wall-clock) time. */
    public Duration progressNoticeQuiet() {
        return (Duration) value(Parameter.FEEDBACK_PROGRESS_NOTICE_QUIET);
    }

    /** The most items one XLSX export of the feedback register may hold (a larger query is a 400). */
    public int feedbackExportMaxRows() {
        return (Integer) value(Parameter.FEEDBACK_EXPORT_MAX_ROWS);
    }

    public Duration coolingPeriod() {
        return (Duration) value(Parameter.SCREENING_COOLING_PERIOD);
    }

    /** The latest deployed version, parsed once per version; the engine's services are looked up at first use. */
    private static Supplier<Values> deployed(Supplier<RepositoryService> repository, Supplier<IdentityService> identity) {
        return new Supplier<>() {
            private volatile LatestDecision<Values> latest;

            @Override
            public Values get() {
                if (latest == null) {
                    latest = new LatestDecision<>(repository.get(), identity.get(), DECISION_KEY,
                            (xml, def) -> parse(new ByteArrayInputStream(xml), def.getResourceName() + " v" + def.getVersion()));
                }
                return latest.get();
            }
        };
    }

    /** How long a survey link sent by text can be answered (survey module). */
    public Duration surveyLinkValidity() {
        return (Duration) value(Parameter.SURVEY_LINK_VALIDITY);
    }

    /** How soon after a detractor's answer by link the agents' call-back is due (followUp: 差评回访 Detractor call-back). */
    public Duration surveyCallBackWithin() {
        return (Duration) value(Parameter.SURVEY_CALL_BACK_WITHIN);
    }

    /** How many unknown survey tokens one address may try per minute before it gets 429 (no guessing). */
    public int surveyUnknownTokensPerMinute() {
        return (Integer) value(Parameter.SURVEY_UNKNOWN_TOKENS_PER_MINUTE);
    }

    /** When texts to customers may start each day (TextingHours; careloop.sms.texting-hours overrides it per installation). */
    public LocalTime textingHoursStart() {
        return (LocalTime) value(Parameter.SMS_TEXTING_HOURS_START);
    }

    /** When texts to customers must stop each day (TextingHours). */
    public LocalTime textingHoursEnd() {
        return (LocalTime) value(Parameter.SMS_TEXTING_HOURS_END);
    }

    /** At most one survey text per customer within this window (bpmn/surveyChannel.dmn input textedRecently). */
    public Duration surveyTextSuppression() {
        return (Duration) value(Parameter.SURVEY_TEXT_SUPPRESSION);
    }

    /** The time of day of a planned call announced by an appointment text (followup/Appointments: the next working day). */
    public LocalTime appointmentCallAt() {
        return (LocalTime) value(Parameter.APPOINTMENT_CALL_AT);
    }
}
