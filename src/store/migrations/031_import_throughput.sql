-- Import throughput (issue 2: ≥ 100,000 values/s through the import path on PostgreSQL).
-- Work per written value that bought nothing, measured by the server's CPU time on 1,000,000
-- new values (src/store/dataValues/README.md, "Throughput"):
--
-- * data_value (period_id): every query of data values names data elements (the primary key
--   starts with data_element_id, period_id) or org units (data_value_org_unit_period); about
--   0.5 s per million values.
-- * the audit's primary key on its serial id: the audit is an append-only log, read by value
--   key and never by id, which stays as the order of the changes; about 0.8 s.
-- * the audit's key index in the order files come in (period, org unit, data element: DHIS2
--   exports and data entry write an org unit's month together), so that new entries land near
--   each other instead of all over the index; same look-ups, about 0.35 s.
-- * the statement-level reference check (migration 020) when the importer has already checked
--   every reference against the metadata it loaded in the same transaction (its E76xx
--   conflicts) and says so with SET LOCAL denw.data_value_references = 'checked'; about 0.7 s.
--   Every other writer is still checked.
DROP INDEX data_value_period;
ALTER TABLE data_value_audit DROP CONSTRAINT data_value_audit_pkey;
DROP INDEX data_value_audit_key;
CREATE INDEX data_value_audit_key ON data_value_audit (period_id, org_unit_id, data_element_id);

CREATE OR REPLACE FUNCTION data_value_check_references() RETURNS trigger LANGUAGE plpgsql AS $function$
DECLARE
  missing record;
BEGIN
  IF current_setting('denw.data_value_references', true) = 'checked' THEN
    RETURN NULL;
  END IF;
  SELECT * INTO missing FROM (
    SELECT 'data_element_id' AS column_name, n.data_element_id AS id FROM (SELECT DISTINCT data_element_id FROM new_data_value) n
      WHERE NOT EXISTS (SELECT 1 FROM data_element x WHERE x.id = n.data_element_id)
    UNION ALL
    SELECT 'period_id', n.period_id FROM (SELECT DISTINCT period_id FROM new_data_value) n
      WHERE NOT EXISTS (SELECT 1 FROM period x WHERE x.id = n.period_id)
    UNION ALL
    SELECT 'org_unit_id', n.org_unit_id FROM (SELECT DISTINCT org_unit_id FROM new_data_value) n
      WHERE NOT EXISTS (SELECT 1 FROM org_unit x WHERE x.id = n.org_unit_id)
    UNION ALL
    SELECT 'category_option_combo_id', n.id FROM (
      SELECT category_option_combo_id AS id FROM new_data_value UNION SELECT attribute_option_combo_id FROM new_data_value) n
      WHERE NOT EXISTS (SELECT 1 FROM category_option_combo x WHERE x.id = n.id)
  ) problems LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "data_value" refers to a missing row: %=%', missing.column_name, missing.id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'data_value', COLUMN = missing.column_name;
  END IF;
  RETURN NULL;
END
$function$;
