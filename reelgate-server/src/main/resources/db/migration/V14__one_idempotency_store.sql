-- One Idempotency-Key store for task submits and uploads (they had a table each, V6 and V8): per API key, scope and
-- key, the first request's body hash and what it produced (a task id for a submit, the answer JSON for an upload).
-- The primary key still makes two concurrent requests with the same key produce one outcome.
CREATE TABLE idempotency_record (
    api_key_id    VARCHAR(36)   NOT NULL REFERENCES api_key (id),
    scope         VARCHAR(16)   NOT NULL,
    idem_key      VARCHAR(255)  NOT NULL,
    request_hash  CHAR(64)      NOT NULL,
    outcome       VARCHAR(4000) NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (api_key_id, scope, idem_key)
);
CREATE INDEX ix_idempotency_record_expiry ON idempotency_record (expires_at);

INSERT INTO idempotency_record (api_key_id, scope, idem_key, request_hash, outcome, expires_at)
SELECT api_key_id, 'task', idem_key, request_hash, task_id, expires_at FROM idempotency_key;

INSERT INTO idempotency_record (api_key_id, scope, idem_key, request_hash, outcome, expires_at)
SELECT api_key_id, 'upload', idem_key, request_hash, response_json, expires_at FROM upload_idempotency;

DROP TABLE idempotency_key;
DROP TABLE upload_idempotency;

-- the two expiry jobs are one now ('idempotency-expiry'); their bookings would only linger
DELETE FROM cluster_job WHERE name IN ('task-idempotency-expiry', 'upload-idempotency-expiry');
