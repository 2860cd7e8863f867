package com.careloop.identity;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys of systems, administrators only (group camunda-admin): create (the key is in this one answer), list
 * (never the keys), revoke. A key calls /api with {@code Authorization: Bearer ck_…} within its scopes
 * ({@link ApiKeyScope}).
 */
@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {

    static final Set<String> MANAGE_KEYS = Set.of(CareLoopGroups.ADMIN);

    record CreateRequest(
            @Schema(description = "系统名称 The system's name: 1–48 letters, digits, '.', '_', '-'; calls are attributed to apikey:<name>",
                    example = "crm") String name,
            @ArraySchema(schema = @Schema(allowableValues = {"customers:write", "feedback:write", "followups:write", "kpis:read",
                    "webhooks:manage"}), minItems = 1) List<String> scopes,
            @Schema(description = "可选的到期时间 Optional expiry (ISO-8601, in the future)", example = "2027-12-31T16:00:00Z")
            Instant expiresAt) {}

    private final ApiKeys keys;
    private final ApiAccess access;

    ApiKeyController(ApiKeys keys, ApiAccess access) {
        this.keys = keys;
        this.access = access;
    }

    /** 201 with the key, shown this once: store it in the calling system now. */
    @ApiResponse(responseCode = "201", description = "密钥（仅此一次显示）The key, shown this once")
    @PostMapping
    ResponseEntity<ApiKeys.Created> create(@RequestBody CreateRequest request) {
        ApiUser admin = access.requireAny(MANAGE_KEYS);
        ApiKeys.Created created = keys.create(request.name(), request.scopes(), request.expiresAt(), admin.id());
        return ResponseEntity.created(URI.create("/api/api-keys/" + created.id()))
                .cacheControl(org.springframework.http.CacheControl.noStore()).body(created);
    }

    @GetMapping
    List<ApiKeys.View> list() {
        access.requireAny(MANAGE_KEYS);
        return keys.list();
    }

    /** 204: the key authenticates no more (again 204 when it was already revoked); 404 for an unknown id. */
    @ApiResponse(responseCode = "204", description = "已吊销 Revoked")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        ApiUser admin = access.requireAny(MANAGE_KEYS);
        keys.revoke(id, admin.id());
        return ResponseEntity.noContent().build();
    }
}
