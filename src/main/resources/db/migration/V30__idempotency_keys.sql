-- Issue 16: Idempotency-Key on the integration writes (module idempotency, IdempotencyKeys: the only writer).
-- One row per caller and key: claimed (IN_PROGRESS) before the request runs, then the first answer (status, content
-- type, Location, body) once it is known (COMPLETED). The primary key makes two concurrent requests with one key one
-- write: the second cannot claim it. Rows are removed after expires_at (24 h). Holds no personal data beyond what
-- the first answer held (masked views). Portable H2 + PostgreSQL.
create table idempotency_key (
    owner_id          varchar(128)  not null,
    idem_key          varchar(255)  not null,
    fingerprint       varchar(64)   not null,
    method            varchar(8)    not null,
    path              varchar(200)  not null,
    state             varchar(16)   not null,
    response_status   integer,
    response_type     varchar(200),
    response_location varchar(500),
    response_body     bytea,
    created_at        timestamp with time zone not null,
    completed_at      timestamp with time zone,
    expires_at        timestamp with time zone not null,
    primary key (owner_id, idem_key)
);
create index ix_idempotency_key_expires on idempotency_key (expires_at);
