package com.careloop.screening;

import com.careloop.customer.CustomerTier;
import com.careloop.followup.Scenario;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** An ad-hoc campaign: one scenario for the customers matching the filters (tier, tags, products, purchase dates). */
public record Campaign(String name, Scenario scenario, CustomerTier tier, List<String> tags, List<String> products,
                       LocalDate purchasedFrom, LocalDate purchasedTo) {

    static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
