package com.careloop.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, Long> {

    boolean existsByIdempotencyKey(String key);

    List<NotificationDelivery> findByReferenceOrderById(String reference);
}
