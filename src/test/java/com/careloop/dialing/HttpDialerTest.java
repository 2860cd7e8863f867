package com.careloop.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The http adapter against a stub CTI on loopback: what it posts, and that a refusing or silent CTI fails the dial. */
class HttpDialerTest {

    HttpServer cti;
    final CopyOnWriteArrayList<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws Exception {
        cti = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cti.createContext("/click-to-call", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " " + exchange.getRequestMethod()
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        cti.start();
    }

    @AfterEach
    void stop() {
        cti.stop(0);
    }

    HttpDialer dialer(URI url, Duration read) {
        return new HttpDialer(new DialingProperties("http", new DialingProperties.Http(url, Duration.ofSeconds(2), read)));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + cti.getAddress().getPort() + "/click-to-call");
    }

    @Test
    void postsClickToCallAndGivesTheBrowserNothing() throws Exception {
        String revealed = dialer(url(), Duration.ofSeconds(5)).dial(new Dialer.DialRequest("agent1", "13800001000", "task-1", "FU-20261201-000001"));
        assertThat(revealed).isNull();
        assertThat(bodies).hasSize(1);
        String[] parts = bodies.get(0).split(" ");
        JsonNode body = new ObjectMapper().readTree(parts[0]);
        assertThat(body.path("agent").asText()).isEqualTo("agent1");
        assertThat(body.path("phone").asText()).isEqualTo("13800001000");
        assertThat(body.path("taskId").asText()).isEqualTo("task-1");
        assertThat(body.path("reference").asText()).isEqualTo("FU-20261201-000001");
        assertThat(parts[1]).isEqualTo("POST");
        assertThat(parts[2]).isEqualTo("application/json");
    }

    @Test
    void aRefusingCtiFailsTheDial() {
        status.set(503);
        assertThatThrownBy(() -> dialer(url(), Duration.ofSeconds(5)).dial(new Dialer.DialRequest("agent1", "1", "t", "r")))
                .isInstanceOf(DialFailedException.class).hasMessageContaining("503");
    }

    @Test
    void aCtiThatNeverAnswersFailsWithinTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/click-to-call");
            assertThatThrownBy(() -> dialer(url, Duration.ofMillis(300)).dial(new Dialer.DialRequest("agent1", "1", "t", "r")))
                    .isInstanceOf(DialFailedException.class);
        }
    }

    @Test
    void theHttpAdapterNeedsAUrl() {
        assertThatThrownBy(() -> new HttpDialer(new DialingProperties("http", new DialingProperties.Http(null, Duration.ofSeconds(1),
                Duration.ofSeconds(1))))).isInstanceOf(IllegalStateException.class).hasMessageContaining("careloop.dialing.http.url");
    }
}
