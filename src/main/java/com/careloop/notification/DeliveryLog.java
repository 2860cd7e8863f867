package com.careloop.notification;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the delivery log (table notification_delivery, written only by {@link Notifier}). */
@Service
public class DeliveryLog {

    private final NotificationDeliveryRepository deliveries;

    DeliveryLog(NotificationDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** The messages logged for one business reference (a feedback number, an alert number, a report period), oldest first. */
    @Transactional(readOnly = true)
    public List<Delivery> byReference(String reference) {
        return deliveries.findByReferenceOrderById(reference).stream().map(Delivery::of).toList();
    }

    /** The texts of the delivery log (the outbox of the default run), newest first; {@code to}: one number only (null: all). */
    @Transactional(readOnly = true)
    public List<Delivery> texts(String to, int limit) {
        var page = org.springframework.data.domain.PageRequest.of(0, Math.max(1, Math.min(limit, 500)));
        return (to == null || to.isBlank() ? deliveries.findByChannelOrderByIdDesc(Channel.SMS, page)
                : deliveries.findByChannelAndRecipientOrderByIdDesc(Channel.SMS, to.strip(), page)).stream().map(Delivery::of).toList();
    }
}
