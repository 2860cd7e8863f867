package com.careloop.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the application's ObjectMapper (request bodies of /api) refuses beyond Jackson's defaults, each as a 400
 * naming the field (Spring Boot registers the module):
 * <ul>
 * <li>strings that are not valid Unicode: a lone UTF-16 surrogate ({@code "\ud800"}, or its CESU-8 bytes) is not a
 * character and cannot be stored as UTF-8 text; nor can NUL ({@code "\u0000"}), which PostgreSQL text refuses
 * (query parameters: {@link StrictQueryParameters});</li>
 * <li>dates and times given as numbers (Jackson would read epoch days or seconds) or as blank text (Jackson would read
 * null), and dates outside the years 1–9999, which no database column holds.</li>
 * </ul>
 */
@Configuration
public class StrictJsonInput {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    @Bean
    public Module strictJsonInputModule() {
        SimpleModule module = new SimpleModule("careloop-strict-input");
        module.addDeserializer(String.class, new UnicodeStrings());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean temporal = type == LocalDate.class || type == Instant.class || type == LocalDateTime.class
                        || type == OffsetDateTime.class || type == ZonedDateTime.class;
                return temporal ? new YearBounded(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Position of the first character no text column can hold — a lone surrogate or NUL —, or -1. */
    static int unstorableCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static final class UnicodeStrings extends StdScalarDeserializer<String> {

        UnicodeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            int at = value == null ? -1 : unstorableCharacter(value);
            if (at >= 0) {
                throw InvalidFormatException.from(p, "不是有效的文本 not valid text: NUL or a lone UTF-16 surrogate at character "
                        + at, value.replaceAll("[\\u0000\\uD800-\\uDFFF]", "\uFFFD"), String.class);
            }
            return value;
        }
    }

    static final class YearBounded extends DelegatingDeserializer {

        YearBounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new YearBounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken().isNumeric()) {
                throw InvalidFormatException.from(p, "日期须为 ISO-8601 文本 a date is ISO-8601 text (2026-12-02, 2026-12-02T08:00:00Z), not a number",
                        p.getText(), handledType());
            }
            if (p.currentToken() == JsonToken.VALUE_STRING && p.getText().trim().isEmpty()) {
                throw InvalidFormatException.from(p, "日期为空 empty date: leave the field out or send null", p.getText(), handledType());
            }
            Object value = super.deserialize(p, ctxt);
            int year = MIN_YEAR;
            if (value instanceof LocalDate d) {
                year = d.getYear();
            } else if (value instanceof Instant i) {
                year = i.atOffset(ZoneOffset.UTC).getYear();
            } else if (value instanceof LocalDateTime d) {
                year = d.getYear();
            } else if (value instanceof OffsetDateTime d) {
                year = d.getYear();
            } else if (value instanceof ZonedDateTime d) {
                year = d.getYear();
            }
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw InvalidFormatException.from(p, "日期超出范围 date out of range: years " + MIN_YEAR + "–" + MAX_YEAR,
                        String.valueOf(value), handledType());
            }
            return value;
        }
    }
}
