-- KIE Veo's 1080p and 4K renditions: one re-render per source task and size, so repeated calls answer the same
-- rendition and charge once. rendition_task_id is the task that renders it (a kie-veo task of the same key).
-- Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE veo_rendition (
    source_task_id    VARCHAR(64) NOT NULL,
    resolution        VARCHAR(8)  NOT NULL,
    rendition_task_id VARCHAR(64) NOT NULL,
    created_at        TIMESTAMP   NOT NULL,
    PRIMARY KEY (source_task_id, resolution)
);
CREATE UNIQUE INDEX veo_rendition_task ON veo_rendition (rendition_task_id);
