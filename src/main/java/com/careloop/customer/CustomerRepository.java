package com.careloop.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByExternalId(String externalId);

    java.util.List<Customer> findTop2ByPhone(String phone);
}
