-- Credits: the balance lives on the key (so a charge is one conditional UPDATE that cannot overdraw) and every
-- change is an append-only ledger row carrying the balance after it, so balance = sum(delta) always holds.
ALTER TABLE api_key ADD COLUMN credits BIGINT NOT NULL DEFAULT 0;

CREATE TABLE credit_ledger (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    api_key_id     VARCHAR(36)  NOT NULL REFERENCES api_key (id),
    task_id        VARCHAR(36),
    -- grant (key created or topped up), charge (task submitted), refund (task failed), adjust (operator)
    reason         VARCHAR(16)  NOT NULL,
    delta          BIGINT       NOT NULL,
    balance_after  BIGINT       NOT NULL,
    note           VARCHAR(200),
    created_at     TIMESTAMP    NOT NULL
);
-- one charge and at most one refund per task, enforced by the database itself
CREATE UNIQUE INDEX ux_ledger_task_reason ON credit_ledger (task_id, reason);
CREATE INDEX ix_ledger_key ON credit_ledger (api_key_id, created_at);

ALTER TABLE task ADD COLUMN cost BIGINT NOT NULL DEFAULT 0;
