package com.careloop.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Marker;

/**
 * Invalid form input is the user's mistake, answered with 400 and logged at INFO by FormInput. The engine's
 * command context would also log it at ERROR with a stack trace (logger org.camunda.bpm.engine.context): that
 * line is dropped. Engine internals (FormFieldValidationException lives in org.camunda.bpm.engine.impl) are why
 * this sits in the engine-configuration package.
 */
public class FormValidationLogFilter extends TurboFilter {

    static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger == null || !logger.getName().equals(ENGINE_CONTEXT)) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        return thrown instanceof FormFieldValidationException ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
