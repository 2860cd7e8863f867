package com.careloop.feedback;

import java.util.Map;

/**
 * Who resolves an item once it has been responded to: output {@code resolveBy} of bpmn/feedbackRouting.dmn.
 * RESPONDER — the resolve task is assigned to whoever responded (no second claim); GROUP — it goes to the
 * owner group unassigned, to be claimed. A routing result without the output (instances routed before it existed)
 * counts as GROUP, as the model then behaved.
 */
enum ResolveBy {
    RESPONDER, GROUP;

    static final String OUTPUT = "resolveBy";

    static ResolveBy of(Object routing) {
        Object value = routing instanceof Map<?, ?> m ? m.get(OUTPUT) : null;
        if (value == null) {
            return GROUP;
        }
        try {
            return valueOf(value.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bpmn/feedbackRouting.dmn: output resolveBy = '" + value + "' is not RESPONDER or GROUP");
        }
    }

    /** The resolve task's assignee when {@code responder} responded; null leaves it to the group. */
    String assignee(String responder) {
        return this == RESPONDER ? responder : null;
    }
}
