package com.careloop.idempotency;

import com.careloop.http.ReplayedBody;
import com.careloop.http.SpooledBody;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What makes two requests "the same" for an idempotency key: SHA-256 of the method, the path, the query, the media
 * type (without its parameters) and the body. A multipart upload counts by its parts (name, file name, content type,
 * bytes), not by its random boundary, so a client that builds the same upload again matches. The body is read once
 * here and handed on: in memory up to 1 MB, beyond that from a temporary file (a CSV import), deleted by {@link #close}.
 */
final class RequestFingerprint implements AutoCloseable {

    static final int IN_MEMORY = 1024 * 1024;

    private final String hex;
    private final HttpServletRequest request;
    private final Path spool;

    private RequestFingerprint(String hex, HttpServletRequest request, Path spool) {
        this.hex = hex;
        this.request = request;
        this.spool = spool;
    }

    String hex() {
        return hex;
    }

    /** The request to hand on: its body readable again. */
    HttpServletRequest request() {
        return request;
    }

    static RequestFingerprint of(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        String type = request.getContentType() == null ? "" : request.getContentType();
        String mediaType = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        field(digest, request.getMethod());
        field(digest, request.getRequestURI());
        field(digest, request.getQueryString() == null ? "" : request.getQueryString());
        field(digest, mediaType);
        if (mediaType.startsWith("multipart/")) {
            List<Part> parts = new ArrayList<>(request.getParts());
            parts.sort(Comparator.comparing(Part::getName).thenComparing(p -> String.valueOf(p.getSubmittedFileName())));
            for (Part part : parts) {
                field(digest, part.getName());
                field(digest, String.valueOf(part.getSubmittedFileName()));
                field(digest, String.valueOf(part.getContentType()));
                try (InputStream in = part.getInputStream()) {
                    copy(in, digest, OutputStream.nullOutputStream());
                }
            }
            return new RequestFingerprint(HexFormat.of().formatHex(digest.digest()), request, null);
        }
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        Path spool = null;
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            OutputStream out = memory;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
                if (spool == null && memory.size() + n > IN_MEMORY) {
                    spool = Files.createTempFile("careloop-idempotent-", ".body");
                    out = Files.newOutputStream(spool);
                    memory.writeTo(out);
                }
                out.write(buffer, 0, n);
            }
            if (spool != null) {
                out.close();
            }
        } catch (IOException | RuntimeException e) {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
            throw e;
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        return spool == null ? new RequestFingerprint(hex, new ReplayedBody(request, memory.toByteArray()), null)
                : new RequestFingerprint(hex, new SpooledBody(request, spool), spool);
    }

    @Override
    public void close() throws IOException {
        if (spool != null) {
            Files.deleteIfExists(spool);
        }
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array()).getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static void copy(InputStream in, MessageDigest digest, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
