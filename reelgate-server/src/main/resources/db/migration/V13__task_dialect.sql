-- The wire dialect that accepted a task: its callback is rendered in that dialect's shape, and only that dialect's
-- endpoints read the task back (Reelgate's own task view shows every task). Every task accepted before dialects
-- existed came through the KIE Runway/Aleph endpoints. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE task ADD COLUMN dialect VARCHAR(32) DEFAULT 'kie-runway' NOT NULL;
