package com.careloop.notification;

/**
 * A file sent with an e-mail (a report workbook). Built when the message is composed, just before the send, never
 * kept in a process variable; SMS ignores it. The delivery log records its name, not its bytes.
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        if (fileName == null || fileName.isBlank() || contentType == null || content == null) {
            throw new IllegalArgumentException("an attachment needs a file name, a content type and its bytes");
        }
    }
}
