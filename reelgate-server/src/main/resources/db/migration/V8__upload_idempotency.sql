-- Idempotency-Key for the upload endpoints: the first answer, replayed for the same key and request.
CREATE TABLE upload_idempotency (
    api_key_id    VARCHAR(36)   NOT NULL REFERENCES api_key (id),
    idem_key      VARCHAR(255)  NOT NULL,
    request_hash  CHAR(64)      NOT NULL,
    response_json VARCHAR(4000) NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (api_key_id, idem_key)
);
CREATE INDEX ix_upload_idempotency_expiry ON upload_idempotency (expires_at);
