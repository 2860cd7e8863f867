package com.careloop.followup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The call script (话术) of each scenario: {@code bpmn/callScripts/<SCENARIO>.md}, markdown a process designer edits
 * beside the models, with the sections {@link #SECTIONS} (opening, questions, closing). Shown in the call form as
 * written (trusted text: it comes with the application, not from a customer). Read once at start.
 */
@Component
public class CallScripts {

    /** The headings every script has, in this order. */
    public static final List<String> SECTIONS = List.of("## 开场 Opening", "## 问题 Questions", "## 结束 Closing");

    private final Map<Scenario, String> scripts = new EnumMap<>(Scenario.class);

    public CallScripts() {
        for (Scenario s : Scenario.values()) {
            scripts.put(s, read(s));
        }
    }

    /** The script as the call form shows it: its sections as small headings inside the form (##### rather than ##). */
    public String of(Scenario scenario) {
        return scripts.get(scenario);
    }

    /** The classpath location of a scenario's script (bpmn/ is packaged under bpmn/). */
    public static String location(Scenario scenario) {
        return "bpmn/callScripts/" + scenario.name() + ".md";
    }

    private static String read(Scenario scenario) {
        ClassPathResource file = new ClassPathResource(location(scenario));
        if (!file.exists()) {
            throw new IllegalStateException("no call script for scenario " + scenario + ": add " + location(scenario));
        }
        try (InputStream in = file.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            int at = -1;
            for (String section : SECTIONS) {
                int next = text.indexOf(section);
                if (next <= at) {
                    throw new IllegalStateException(location(scenario) + " needs the sections " + SECTIONS + " in this order");
                }
                at = next;
            }
            return text.replaceAll("(?m)^## ", "##### ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
