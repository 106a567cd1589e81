-- Reelgate extensions: per-request deadlines and idempotent submits.
ALTER TABLE task ADD COLUMN deadline_at TIMESTAMP;
CREATE INDEX ix_task_deadline ON task (deadline_at);

-- One row per (API key, Idempotency-Key): the first request's body hash and the task it created. The primary key
-- makes two concurrent requests with the same key create one task.
CREATE TABLE idempotency_key (
    api_key_id    VARCHAR(36)  NOT NULL REFERENCES api_key (id),
    idem_key      VARCHAR(255) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    task_id       VARCHAR(36)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    expires_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (api_key_id, idem_key)
);
CREATE INDEX ix_idempotency_expiry ON idempotency_key (expires_at);

-- Secrets the whole cluster shares (e.g. the key that signs download URLs), made once by whichever node needs one.
CREATE TABLE server_secret (
    name   VARCHAR(50)  NOT NULL PRIMARY KEY,
    secret_value  VARCHAR(200) NOT NULL
);
