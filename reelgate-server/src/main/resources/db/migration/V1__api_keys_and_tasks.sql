-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL: plain types only, no vendor functions.

CREATE TABLE api_key (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    -- SHA-256 of the secret, hex; the secret itself is never stored
    key_hash    CHAR(64)     NOT NULL,
    -- first characters of the secret, so an operator can tell keys apart in lists and logs
    key_prefix  VARCHAR(16)  NOT NULL,
    disabled    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX ux_api_key_hash ON api_key (key_hash);

CREATE TABLE task (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    api_key_id      VARCHAR(36)   NOT NULL REFERENCES api_key (id),
    kind            VARCHAR(16)   NOT NULL,
    parent_task_id  VARCHAR(36),
    engine          VARCHAR(32)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    prompt          VARCHAR(4000) NOT NULL,
    image_url       VARCHAR(2048),
    aspect_ratio    VARCHAR(8),
    quality         VARCHAR(8),
    duration        INTEGER,
    water_mark      VARCHAR(500),
    call_back_url   VARCHAR(2048),
    model           VARCHAR(100),
    expand_prompt   BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP     NOT NULL,
    queued_at       TIMESTAMP,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    -- dispatch: which node runs it and until when that claim holds
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMP,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    progress        INTEGER       NOT NULL DEFAULT 0,
    fail_code       INTEGER,
    fail_msg        VARCHAR(1000),
    video_id        VARCHAR(36),
    video_key       VARCHAR(300),
    cover_key       VARCHAR(300),
    width           INTEGER,
    height          INTEGER,
    expires_at      TIMESTAMP,
    expire_flag     INTEGER       NOT NULL DEFAULT 0
);
-- record-detail looks a task up by id and owner (primary key), the dispatcher by state and age,
-- lease recovery by expiry, the retention sweep by expiry of unexpired results
CREATE INDEX ix_task_state_queued ON task (state, queued_at);
CREATE INDEX ix_task_state_created ON task (state, created_at);
CREATE INDEX ix_task_lease ON task (state, lease_until);
CREATE INDEX ix_task_expiry ON task (expire_flag, expires_at);
CREATE INDEX ix_task_owner ON task (api_key_id, created_at);
CREATE INDEX ix_task_video ON task (video_id);
