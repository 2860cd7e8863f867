package com.careloop.customer;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Something that moves a customer into a follow-up window. */
public record CustomerEvent(@NotNull(message = "type is required (PURCHASE, RESOLUTION, LOGIN)") Type type, Instant at) {

    public enum Type {
        /** a purchase: first purchase (if earlier than known) and last purchase */
        PURCHASE,
        /** a complaint or repair was resolved */
        RESOLUTION,
        /** the customer logged in */
        LOGIN
    }
}
