-- A value's creation is written to the audit when the value first changes, not when it is
-- created (issue 2: a month's import at ≥ 100,000 values/s; the CREATE rows of a new month were
-- a fifth of its import, 0.6 s for 333,000 values on PostgreSQL 15).
--
-- Until it changes, a data value row is its own creation record: value, stored_by, created.
-- DHIS2 does the same: it stopped writing an audit for a new value (dhis2-core #11376, 2022)
-- and its audit trail of a value starts with a CREATE made from the value (#11380). Denw keeps
-- the chain whole when the row is about to lose those fields: the first update of its value,
-- or its deletion, writes the CREATE row from the stored row (its value, stored_by and
-- created) before the UPDATE or DELETE row (dataValueMerge.ts). GET /api/audits/dataValue reads
-- the CREATE of a value not changed since from the value itself (dataValueAudits.ts).
--
-- create_audited: this row's creation is in data_value_audit. Rows stored before this migration
-- were audited when created (CREATE rows written at once, migration 002), hence true for them;
-- false for every row written from now on, until its first change.
ALTER TABLE data_value ADD COLUMN create_audited boolean NOT NULL DEFAULT true;
ALTER TABLE data_value ALTER COLUMN create_audited SET DEFAULT false;
