package com.careloop.notification.sms;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two providers' request signatures, recomputed from their published algorithms (not from the SDKs), so a stub
 * can tell a correctly signed request from a wrong one.
 */
final class Signatures {

    private Signatures() {
    }

    /**
     * Alibaba Cloud V3 (ACS3-HMAC-SHA256): canonical request = method, URI, sorted percent-encoded query, the signed
     * headers (host, x-acs-*, content-type) as name:value lines, their names, the body's SHA-256; string to sign =
     * algorithm + hex SHA-256 of it; signature = hex HMAC-SHA256 with the AccessKey secret.
     */
    static boolean alibabaValid(ProviderStub.Request r, String accessKeyId, String secret) {
        Matcher auth = Pattern.compile("ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)")
                .matcher(r.header("authorization") == null ? "" : r.header("authorization"));
        if (!auth.matches() || !auth.group(1).equals(accessKeyId)) {
            return false;
        }
        String payloadHash = sha256(r.body());
        if (!payloadHash.equals(r.header("x-acs-content-sha256"))) {
            return false;
        }
        String signedHeaders = auth.group(2);
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = r.header(name);
            if (value == null) {
                return false;
            }
            headers.append(name).append(':').append(value.trim()).append('\n');
        }
        int q = r.target().indexOf('?');
        String path = q < 0 ? r.target() : r.target().substring(0, q);
        String canonical = r.method() + "\n" + (path.isEmpty() ? "/" : path) + "\n" + canonicalQuery(q < 0 ? "" : r.target().substring(q + 1))
                + "\n" + headers + "\n" + signedHeaders + "\n" + payloadHash;
        String stringToSign = "ACS3-HMAC-SHA256\n" + sha256(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), stringToSign)).equals(auth.group(3));
    }

    /** The query's parameters, decoded. */
    static Map<String, String> query(String target) {
        Map<String, String> out = new TreeMap<>();
        int q = target.indexOf('?');
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String canonicalQuery(String raw) {
        if (raw.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        query("?" + raw).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /**
     * Tencent Cloud API 3.0 (TC3-HMAC-SHA256): canonical request = POST, /, empty query, content-type and host lines,
     * their names, the body's SHA-256; string to sign = algorithm, X-TC-Timestamp, date/service/tc3_request, hex
     * SHA-256 of the canonical request; key = HMAC chain "TC3"+SecretKey → date → service → "tc3_request".
     */
    static boolean tencentValid(ProviderStub.Request r, String secretId, String secretKey, String service) {
        Matcher auth = Pattern.compile("TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/tc3_request, "
                + "SignedHeaders=content-type;host, Signature=([0-9a-f]+)")
                .matcher(r.header("authorization") == null ? "" : r.header("authorization"));
        if (!auth.matches() || !auth.group(1).equals(secretId) || !auth.group(3).equals(service)) {
            return false;
        }
        String timestamp = r.header("x-tc-timestamp");
        String date = Instant.ofEpochSecond(Long.parseLong(timestamp)).atZone(ZoneOffset.UTC).toLocalDate().toString();
        if (!date.equals(auth.group(2))) {
            return false;
        }
        String canonical = "POST\n/\n\ncontent-type:" + r.header("content-type") + "\nhost:" + r.header("host") + "\n\n"
                + "content-type;host\n" + sha256(r.body());
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
                + sha256(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign)).equals(auth.group(4));
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
