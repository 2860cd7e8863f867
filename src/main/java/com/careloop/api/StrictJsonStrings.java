package com.careloop.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON strings of request bodies must be valid Unicode: a lone UTF-16 surrogate ({@code "\ud800"}, or its CESU-8
 * bytes) is not a character, cannot be stored as UTF-8 text, and is refused with 400 naming the field (Spring Boot
 * registers this module on the application's ObjectMapper).
 */
@Configuration
public class StrictJsonStrings {

    @Bean
    public Module strictJsonStringsModule() {
        return new SimpleModule("careloop-strict-strings").addDeserializer(String.class, new Deserializer());
    }

    /** Position of the first lone surrogate, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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

    static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && loneSurrogate(value) >= 0) {
                throw InvalidFormatException.from(p, "不是有效的 Unicode 文本 not valid Unicode text: a lone UTF-16 surrogate at character "
                        + loneSurrogate(value), value.replaceAll("[\\uD800-\\uDFFF]", "\uFFFD"), String.class);
            }
            return value;
        }
    }
}
