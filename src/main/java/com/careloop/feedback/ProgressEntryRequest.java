package com.careloop.feedback;

/**
 * A progress entry a handler records on an open item (POST /api/feedback/{number}/progress): {@code kind} one of
 * CONTACTED, REPAIR_SCHEDULED, WAITING_FOR_PARTS, NOTE; {@code note} free text, required for NOTE (at most 2,000).
 */
public record ProgressEntryRequest(ProgressKind kind, String note) {
}
