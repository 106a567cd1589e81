-- The receiver (scheme://host:port) of each callback, so a node can claim due deliveries without taking those of a
-- receiver whose in-flight slots are all in use (a hanging receiver must never hold back anyone else's callbacks).
-- Rows written before this migration have NULL and are claimed as before.
ALTER TABLE callback_delivery ADD COLUMN receiver VARCHAR(300);
