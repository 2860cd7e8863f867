package com.careloop.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.survey.*: where survey links point ({@code base-url}, default this application's own address) and the
 * company name the texts and the page show. How long a link is valid and the guessing limit are the designers'
 * (bpmn/serviceParameters.dmn survey.*).
 */
@ConfigurationProperties("careloop.survey")
public record SurveyProperties(String baseUrl, String companyName) {

    public SurveyProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        companyName = companyName == null || companyName.isBlank() ? "CareLoop" : companyName.strip();
    }
}
