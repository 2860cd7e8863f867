package com.careloop.feedback;

import com.careloop.errors.ConflictException;
import com.careloop.errors.ForbiddenException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Photos and documents of a feedback item (seed 002 三: 附件): at most {@link #MAX_FILES} per item of at most
 * {@link #MAX_BYTES} each, in table feedback_attachment (written only here). Never in process variables. Each upload
 * is one file in one transaction: the item's row is locked, the count checked, the row with its bytes inserted — so a
 * refusal or a failure leaves nothing, and two concurrent uploads cannot make a sixth file. The type is what the bytes
 * are (magic numbers: JPEG, PNG, WebP, HEIC/HEIF, PDF), and the declared Content-Type must say the same.
 * Who may: reading as the item (any CareLoop group); adding as its progress entries (the team it is routed to,
 * cs-center, supervisors, managers), only while the item is open.
 */
@Component
class FeedbackAttachments {

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;

    /** What one attachment is, without its bytes. */
    record Attachment(long id, String fileName, String contentType, long size, String sha256, String uploadedBy, java.time.Instant uploadedAt) {}

    /** One attachment's bytes. */
    record Content(String fileName, String contentType, byte[] bytes) {}

    private final FeedbackService feedback;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    FeedbackAttachments(FeedbackService feedback, JdbcTemplate jdbc, Clock clock) {
        this.feedback = feedback;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Attachment add(String number, String fileName, String declaredType, byte[] bytes, long size, ApiUser by) {
        FeedbackItem item = feedback.get(number);
        Set<String> may = new HashSet<>(Set.of(CareLoopGroups.CS_CENTER, CareLoopGroups.CS_SUPERVISORS, CareLoopGroups.CS_MANAGERS,
                CareLoopGroups.ADMIN));
        if (item.getDepartment() != null) {
            may.add(item.getDepartment());
        }
        if (Collections.disjoint(by.groups(), may)) {
            throw new ForbiddenException("user " + by.id() + " is not in any of the groups " + may.stream().sorted().toList());
        }
        if (size > MAX_BYTES || bytes.length > MAX_BYTES) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "附件超过 10 MB 的上限 An attachment may have at most 10 MB (was "
                    + String.format(java.util.Locale.ROOT, "%.1f", Math.max(size, bytes.length) / 1024.0 / 1024.0) + " MB)");
        }
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidRequestException("file", "文件名必填，最多 200 个字符 needs a file name of at most 200 characters");
        }
        if (bytes.length == 0) {
            throw new InvalidRequestException("file", "文件为空 the file is empty");
        }
        String type = FileType.of(bytes);
        if (type == null) {
            throw new InvalidRequestException("file", "只接受 JPEG、PNG、WebP、HEIC 图片或 PDF only JPEG, PNG, WebP, HEIC images or PDF documents");
        }
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!FileType.agrees(type, declared)) {
            throw new InvalidRequestException("file", "声明的类型 " + (declared.isEmpty() ? "(none)" : declared) + " 与文件内容 " + type
                    + " 不符 the declared Content-Type does not match the content (" + type + ")");
        }
        if (!item.getStatus().open()) {
            throw new ConflictException("feedback " + number + " is " + item.getStatus() + ": no more attachments", "CLOSED");
        }
        // the item's row locked: concurrent uploads to one item are counted one after the other
        jdbc.queryForObject("select id from feedback_item where id = ? for update", Long.class, item.getId());
        Integer count = jdbc.queryForObject("select count(*) from feedback_attachment where feedback_item_id = ?", Integer.class, item.getId());
        if (count != null && count >= MAX_FILES) {
            throw new ConflictException("feedback " + number + " already has " + MAX_FILES + " attachments (the most an item may have)", "TOO_MANY_ATTACHMENTS");
        }
        String sha = sha256(bytes);
        java.time.Instant now = clock.instant();
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into feedback_attachment (feedback_item_id, file_name, content_type, size_bytes, sha256,"
                    + " uploaded_by, uploaded_at, content) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, item.getId());
            ps.setString(2, name);
            ps.setString(3, type);
            ps.setLong(4, bytes.length);
            ps.setString(5, sha);
            ps.setString(6, by.id());
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setBytes(8, bytes);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        feedback.log(item, by.id(), ProgressKind.NOTE, "附件 Attachment: " + name);
        return new Attachment(id, name, type, bytes.length, sha, by.id(), now);
    }

    @Transactional(readOnly = true)
    List<Attachment> list(String number) {
        FeedbackItem item = feedback.get(number);
        return jdbc.query("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at from feedback_attachment"
                + " where feedback_item_id = ? order by id", (rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), item.getId());
    }

    @Transactional(readOnly = true)
    Content content(String number, long id) {
        FeedbackItem item = feedback.get(number);
        List<Content> found = jdbc.query("select file_name, content_type, content from feedback_attachment where id = ? and feedback_item_id = ?",
                (rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), id, item.getId());
        if (found.isEmpty()) {
            throw new NotFoundException("attachment", id + " of feedback " + number);
        }
        return found.get(0);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a file is by its first bytes, as a media type; null for anything else. */
    static final class FileType {

        private FileType() {
        }

        static String of(byte[] b) {
            if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
                return "image/jpeg";
            }
            if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return "image/png";
            }
            if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
                return "image/webp";
            }
            if (starts(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
                String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
                if (Set.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1").contains(brand)) {
                    return brand.startsWith("he") ? "image/heic" : "image/heif";
                }
            }
            if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
                return "application/pdf";
            }
            return null;
        }

        /** The declared type names the same thing (image/jpg for JPEG, image/heif and image/heic alike). */
        static boolean agrees(String actual, String declared) {
            if (actual.equals(declared)) {
                return true;
            }
            return switch (actual) {
                case "image/jpeg" -> declared.equals("image/jpg") || declared.equals("image/pjpeg");
                case "image/heic", "image/heif" -> declared.equals("image/heic") || declared.equals("image/heif");
                default -> false;
            };
        }

        private static boolean starts(byte[] b, int offset, int... magic) {
            if (b.length < offset + magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((b[offset + i] & 0xFF) != magic[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
