-- Periodic housekeeping (retention sweeps, expiry of idempotency records) runs once per period across all nodes:
-- a node runs a job only if it moved last_run_at forward itself (one UPDATE, so exactly one node wins).
CREATE TABLE cluster_job (
    name        VARCHAR(64) PRIMARY KEY,
    last_run_at TIMESTAMP   NOT NULL,
    last_run_by VARCHAR(64) NOT NULL,
    runs        BIGINT      NOT NULL DEFAULT 0
);

-- Bucket4j's PostgreSQL proxy keeps cluster-wide rate-limit buckets here (reelgate.rate-limit.scope=cluster).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(100) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
