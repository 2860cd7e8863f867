package com.careloop.dialing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Click-to-call on a CTI (e.g. a 400-hotline platform): POSTs {@code {agent, phone, taskId, reference}} as JSON to
 * {@code careloop.dialing.http.url}; the CTI rings the agent's extension and then the customer. Nothing of the number
 * goes back to the browser. A 2xx answer is a placed call; anything else, or no answer within the timeouts, fails.
 */
@Component
@ConditionalOnProperty(name = "careloop.dialing.adapter", havingValue = "http")
class HttpDialer implements Dialer {

    private final DialingProperties.Http config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    HttpDialer(DialingProperties properties) {
        this.config = properties.http();
        if (config == null || config.url() == null || config.url().toString().isBlank()) {
            throw new IllegalStateException("careloop.dialing.adapter=http needs careloop.dialing.http.url (the CTI's click-to-call URL)");
        }
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String dial(DialRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent", request.agent());
        body.put("phone", request.phone());
        body.put("taskId", request.taskId());
        body.put("reference", request.reference());
        HttpResponse<Void> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(config.url()).timeout(config.readTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.discarding());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new DialFailedException("呼叫中心无应答 The CTI did not answer: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DialFailedException("拨号被中断 Dialing interrupted", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new DialFailedException("呼叫中心拒绝外呼 The CTI refused the call: HTTP " + answer.statusCode(), null);
        }
        return null;
    }
}
