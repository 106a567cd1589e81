-- Aleph (video-to-video) inputs, the original request of Aleph tasks (record-info returns it as paramJson),
-- and the frame an extension started from (its generateParam.imageUrl).
ALTER TABLE task ADD COLUMN video_url VARCHAR(2048);
ALTER TABLE task ADD COLUMN seed BIGINT;
ALTER TABLE task ADD COLUMN reference_image VARCHAR(2048);
ALTER TABLE task ADD COLUMN upload_cn BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE task ADD COLUMN params_json VARCHAR(20000);
ALTER TABLE task ADD COLUMN start_frame_key VARCHAR(300);
