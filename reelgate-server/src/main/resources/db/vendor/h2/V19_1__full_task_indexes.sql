-- H2 has no partial indexes, so the embedded default keeps the full task indexes of V1, V6 and V7 (the PostgreSQL
-- counterpart of this version narrows them). docs/database.md names the query each index serves. This version exists
-- on H2 too so both databases report the same schema version.
SELECT 1;
