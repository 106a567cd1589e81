-- Hosted engines (fal, Replicate, Google Veo) serve registry models from data: they read the model's validated input
-- (JSON, defaults included, by the entry's field names) to fill the provider's request.
ALTER TABLE task ADD COLUMN model_input VARCHAR(100000);
-- The engines chosen at submit, in order (comma-separated): the task's engine is one of them, and a transient upstream
-- failure moves the task to the next one.
ALTER TABLE task ADD COLUMN route_engines VARCHAR(500);
-- What the provider last said about the run: its queue position while queued, and what it reported about the cost of
-- the run (JSON, e.g. {"predictSeconds": 82.0}), shown next to the credits charged.
ALTER TABLE task ADD COLUMN upstream_queue_position INT;
ALTER TABLE task ADD COLUMN upstream_usage VARCHAR(4000);
-- Provider ids are longer than Runway's UUIDs (a fal endpoint plus request id, a Google operation name), and so are
-- their status words.
ALTER TABLE task ALTER COLUMN upstream_id SET DATA TYPE VARCHAR(300);
ALTER TABLE task ALTER COLUMN upstream_status SET DATA TYPE VARCHAR(40);
