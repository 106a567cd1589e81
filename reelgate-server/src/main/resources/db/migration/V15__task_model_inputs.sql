-- Inputs of the model-based dialects (registry models): the frame a clip ends on, reference images (one URL per
-- line; URLs hold no line breaks), an explicit output size WIDTHxHEIGHT, and the model's frame rate.
ALTER TABLE task ADD COLUMN last_frame_url VARCHAR(2048);
ALTER TABLE task ADD COLUMN reference_image_urls VARCHAR(20000);
ALTER TABLE task ADD COLUMN output_size VARCHAR(20);
ALTER TABLE task ADD COLUMN fps INT;
