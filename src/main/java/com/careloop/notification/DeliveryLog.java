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
}
