package com.careloop.notification;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, Long> {

    boolean existsByIdempotencyKey(String key);

    /** Which of these keys are logged already: one query for all recipients of a message. */
    @Query("select d.idempotencyKey from NotificationDelivery d where d.idempotencyKey in :keys")
    Set<String> loggedKeys(@Param("keys") Collection<String> keys);

    List<NotificationDelivery> findByReferenceOrderById(String reference);

    List<NotificationDelivery> findByChannelOrderByIdDesc(Channel channel, org.springframework.data.domain.Pageable page);

    List<NotificationDelivery> findByChannelAndRecipientOrderByIdDesc(Channel channel, String recipient,
                                                                     org.springframework.data.domain.Pageable page);

    @org.springframework.data.jpa.repository.Query("select d from NotificationDelivery d where d.providerMessageId = :id")
    List<NotificationDelivery> findByProviderMessageId(@org.springframework.data.repository.query.Param("id") String id);
}
