package com.careloop.feedback;

import com.careloop.sla.ServiceParameters;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * One matter of a customer: items of the same customer on the same serial number — or, when no serial number is
 * given, the same product model — registered within {@code feedback.sameMatterWindow} of bpmn/serviceParameters.dmn
 * (shipped 30 days) before now. Without serial number and product model an item is a matter of its own. Whatever
 * their status (closed, merged, invalid): the customer contacted us that often.
 */
@Component
class SameMatter {

    private final FeedbackItemRepository items;
    private final ServiceParameters parameters;
    private final Clock clock;

    SameMatter(FeedbackItemRepository items, ServiceParameters parameters, Clock clock) {
        this.items = items;
        this.parameters = parameters;
        this.clock = clock;
    }

    /**
     * The duplicate the verify task suggests: the latest open item of the same matter (same customer, same serial
     * number — else product model —, within the window), other than this one.
     */
    java.util.Optional<FeedbackItem> openDuplicateOf(FeedbackItem item) {
        Instant since = item.getCreatedAt().minus(parameters.sameMatterWindow());
        if (item.getSerialNumber() != null) {
            return items.findFirstByCustomerIdAndSerialNumberAndIdNotAndStatusNotInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
                    item.getCustomerId(), item.getSerialNumber(), item.getId(), FeedbackStatus.ENDED, since);
        }
        if (item.getProductModel() != null) {
            return items.findFirstByCustomerIdAndProductModelAndIdNotAndStatusNotInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
                    item.getCustomerId(), item.getProductModel(), item.getId(), FeedbackStatus.ENDED, since);
        }
        return java.util.Optional.empty();
    }

    /** How often the customer has contacted us on this matter, a new contact now included (at least 1). */
    int contactsIncludingNew(Long customerId, String serialNumber, String productModel) {
        if (customerId == null) {
            return 1;
        }
        Instant since = clock.instant().minus(parameters.sameMatterWindow());
        if (serialNumber != null) {
            return 1 + (int) items.countByCustomerIdAndSerialNumberAndCreatedAtGreaterThanEqual(customerId, serialNumber, since);
        }
        if (productModel != null) {
            return 1 + (int) items.countByCustomerIdAndProductModelAndCreatedAtGreaterThanEqual(customerId, productModel, since);
        }
        return 1;
    }
}
