package com.careloop.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "customer")
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "external_id", nullable = false, unique = true)
    private String externalId;

    @Column(nullable = false)
    private String name;

    private String company;
    private String phone;
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerTier tier = CustomerTier.STANDARD;

    @Column(name = "account_agent")
    private String accountAgent;

    @Column(name = "opt_out", nullable = false)
    private boolean optOut;

    @Column(name = "contact_invalid", nullable = false)
    private boolean contactInvalid;

    private String tags;
    private String products;

    @Column(name = "first_purchase_at")
    private Instant firstPurchaseAt;
    @Column(name = "last_purchase_at")
    private Instant lastPurchaseAt;
    @Column(name = "last_resolved_at")
    private Instant lastResolvedAt;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "refused_at")
    private Instant refusedAt;
    @Column(name = "last_follow_up_at")
    private Instant lastFollowUpAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    /** When an erase request anonymised the customer (V15). */
    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    private long version;

    protected Customer() {
    }

    Customer(String externalId, Instant now) {
        this.externalId = externalId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public CustomerTier getTier() { return tier; }
    public void setTier(CustomerTier tier) { this.tier = tier; }
    public String getAccountAgent() { return accountAgent; }
    public void setAccountAgent(String accountAgent) { this.accountAgent = accountAgent; }
    public boolean isOptOut() { return optOut; }
    public void setOptOut(boolean optOut) { this.optOut = optOut; }
    public boolean isContactInvalid() { return contactInvalid; }
    public void setContactInvalid(boolean contactInvalid) { this.contactInvalid = contactInvalid; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public String getProducts() { return products; }
    public void setProducts(String products) { this.products = products; }
    public Instant getFirstPurchaseAt() { return firstPurchaseAt; }
    public void setFirstPurchaseAt(Instant firstPurchaseAt) { this.firstPurchaseAt = firstPurchaseAt; }
    public Instant getLastPurchaseAt() { return lastPurchaseAt; }
    public void setLastPurchaseAt(Instant lastPurchaseAt) { this.lastPurchaseAt = lastPurchaseAt; }
    public Instant getLastResolvedAt() { return lastResolvedAt; }
    public void setLastResolvedAt(Instant lastResolvedAt) { this.lastResolvedAt = lastResolvedAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; }
    public Instant getRefusedAt() { return refusedAt; }
    public void setRefusedAt(Instant refusedAt) { this.refusedAt = refusedAt; }
    public Instant getLastFollowUpAt() { return lastFollowUpAt; }
    public void setLastFollowUpAt(Instant lastFollowUpAt) { this.lastFollowUpAt = lastFollowUpAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getErasedAt() { return erasedAt; }
    public void setErasedAt(Instant erasedAt) { this.erasedAt = erasedAt; }

    public boolean isVip() {
        return tier == CustomerTier.VIP;
    }
}
