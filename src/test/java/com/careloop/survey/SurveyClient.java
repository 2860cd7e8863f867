package com.careloop.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A customer's phone browser on loopback: opens a survey page and posts its form with the page's CSRF cookie and field. */
final class SurveyClient {

    static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Page(int status, String body, String csrfCookie, Map<String, String> headers) {
        String csrfField() {
            Matcher m = CSRF_FIELD.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    SurveyClient(int port) {
        this.port = port;
    }

    /** The token of the survey link in a text. */
    static String tokenIn(String text) {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no survey link in the text");
        }
        return m.group(1);
    }

    Page get(String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/s/" + token)).GET().build());
    }

    /** Opens the page, then posts these fields with its CSRF cookie and field. */
    Page answer(String token, Map<String, String> fields) {
        Page form = get(token);
        if (form.status() != 200) {
            return form;
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", form.csrfField());
        return post(token, all, form.csrfCookie());
    }

    Page post(String token, Map<String, String> fields, String csrfCookie) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/s/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrfCookie != null) {
            b.header("Cookie", SurveyPageController.CSRF_COOKIE + "=" + csrfCookie);
        }
        return send(b.build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SurveyPageController.CSRF_COOKIE + "="))
                    .map(c -> c.substring(SurveyPageController.CSRF_COOKIE.length() + 1, c.indexOf(';'))).findFirst().orElse(null);
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(" | ", v)));
            return new Page(r.statusCode(), r.body(), cookie, headers);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET from another loopback address (127.0.0.2): the status line's code. */
    int getFrom(String sourceAddress, String token) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(sourceAddress, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /s/" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
