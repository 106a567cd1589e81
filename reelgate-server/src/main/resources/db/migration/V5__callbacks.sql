-- Callback outbox: a delivery row is written in the same transaction as the task's terminal state change, then sent
-- (and retried) by whichever node claims it. The id doubles as the Standard Webhooks webhook-id, stable across retries.
CREATE TABLE callback_delivery (
    id               VARCHAR(40)    NOT NULL PRIMARY KEY,
    task_id          VARCHAR(36)    NOT NULL,
    api_key_id       VARCHAR(36)    NOT NULL REFERENCES api_key (id),
    url              VARCHAR(2048)  NOT NULL,
    payload          VARCHAR(20000) NOT NULL,
    -- pending (waiting for its next attempt), delivered, dead (attempts used up)
    state            VARCHAR(16)    NOT NULL,
    attempts         INTEGER        NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP      NOT NULL,
    last_status      INTEGER,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP      NOT NULL,
    delivered_at     TIMESTAMP
);
CREATE INDEX ix_callback_due ON callback_delivery (state, next_attempt_at);
CREATE INDEX ix_callback_task ON callback_delivery (task_id);

CREATE TABLE callback_attempt (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    delivery_id   VARCHAR(40)  NOT NULL REFERENCES callback_delivery (id),
    attempt       INTEGER      NOT NULL,
    started_at    TIMESTAMP    NOT NULL,
    duration_ms   BIGINT       NOT NULL,
    http_status   INTEGER,
    error         VARCHAR(500)
);
CREATE INDEX ix_callback_attempt_delivery ON callback_attempt (delivery_id, attempt);

-- Webhook signing secrets are needed in clear to compute HMACs (unlike API keys, which are only compared).
-- The previous secret keeps signing beside the new one until it expires, so receivers can rotate without a gap.
ALTER TABLE api_key ADD COLUMN webhook_secret VARCHAR(100);
ALTER TABLE api_key ADD COLUMN webhook_secret_previous VARCHAR(100);
ALTER TABLE api_key ADD COLUMN webhook_secret_previous_until TIMESTAMP;
