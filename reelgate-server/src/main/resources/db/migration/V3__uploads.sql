-- File Upload API (spec §10). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Every API key's uploads live under one random folder, made on its first upload: URLs cannot be guessed from
-- the key, and re-uploading a name overwrites it.
CREATE TABLE upload_namespace (
    api_key_id    VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES api_key (id),
    namespace_id  VARCHAR(36) NOT NULL
);
CREATE UNIQUE INDEX ux_upload_namespace ON upload_namespace (namespace_id);

-- One row per stored upload: files are served only while their row is unexpired, with the type sniffed at upload.
CREATE TABLE upload (
    -- uploads/<namespace>/<uploadPath ≤ 200>/<fileName ≤ 100>
    blob_key     VARCHAR(400) NOT NULL PRIMARY KEY,
    api_key_id   VARCHAR(36)  NOT NULL REFERENCES api_key (id),
    mime_type    VARCHAR(100) NOT NULL,
    file_size    BIGINT       NOT NULL,
    uploaded_at  TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL
);
CREATE INDEX ix_upload_expiry ON upload (expires_at);
CREATE INDEX ix_upload_owner ON upload (api_key_id);
