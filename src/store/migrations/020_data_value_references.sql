-- Referential integrity of data_value, checked once per statement instead of once per row.
--
-- Why: a foreign key makes PostgreSQL run one referential-integrity trigger per inserted row
-- and per key, each a locking index look-up. Measured on the import path (PostgreSQL 15,
-- 2 cores, 200,000 new values): the five foreign keys of data_value cost 4.5 s of a 6.0 s
-- INSERT, capping a bulk import far below its goal of 100,000 values/s. Data values are written
-- in large statements (imports, the demonstration data), so the same guarantees are kept with
-- statement-level triggers over the transition tables: one anti-join per key per statement.
--
-- Guarantees kept: a statement that writes a data value naming a data element, period, org
-- unit or category option combo that does not exist fails; deleting one of those while data
-- values refer to it fails. Both raise SQLSTATE 23503 (foreign_key_violation) with table
-- data_value, as the foreign keys did, so callers that recognise a referenced object (the
-- metadata importer, DHIS2 E4030/E1120) still do. Not kept: the row lock a foreign key takes
-- on the referenced row, so a metadata deletion racing an import that writes values for that
-- very object can leave orphan values; metadata deletions and imports rarely meet.
ALTER TABLE data_value
  DROP CONSTRAINT data_value_data_element_id_fkey,
  DROP CONSTRAINT data_value_period_id_fkey,
  DROP CONSTRAINT data_value_org_unit_id_fkey,
  DROP CONSTRAINT data_value_category_option_combo_id_fkey,
  DROP CONSTRAINT data_value_attribute_option_combo_id_fkey;

-- Written values must refer to existing objects.
CREATE FUNCTION data_value_check_references() RETURNS trigger LANGUAGE plpgsql AS $function$
DECLARE
  missing record;
BEGIN
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

CREATE TRIGGER data_value_references_insert AFTER INSERT ON data_value
  REFERENCING NEW TABLE AS new_data_value
  FOR EACH STATEMENT EXECUTE FUNCTION data_value_check_references();
CREATE TRIGGER data_value_references_update AFTER UPDATE ON data_value
  REFERENCING NEW TABLE AS new_data_value
  FOR EACH STATEMENT EXECUTE FUNCTION data_value_check_references();

-- Objects data values refer to cannot be deleted (the foreign keys' NO ACTION).
CREATE FUNCTION data_value_check_referenced() RETURNS trigger LANGUAGE plpgsql AS $function$
DECLARE
  referenced boolean;
BEGIN
  EXECUTE CASE TG_TABLE_NAME
    WHEN 'data_element' THEN 'SELECT EXISTS (SELECT 1 FROM old_rows o JOIN data_value d ON d.data_element_id = o.id)'
    WHEN 'period' THEN 'SELECT EXISTS (SELECT 1 FROM old_rows o JOIN data_value d ON d.period_id = o.id)'
    WHEN 'org_unit' THEN 'SELECT EXISTS (SELECT 1 FROM old_rows o JOIN data_value d ON d.org_unit_id = o.id)'
    ELSE 'SELECT EXISTS (SELECT 1 FROM old_rows o JOIN data_value d ON d.category_option_combo_id = o.id OR d.attribute_option_combo_id = o.id)'
  END INTO referenced;
  IF referenced THEN
    RAISE EXCEPTION 'delete on table "%" violates the references of table "data_value"', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation', TABLE = 'data_value';
  END IF;
  RETURN NULL;
END
$function$;

CREATE TRIGGER data_value_referenced_data_element AFTER DELETE ON data_element
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_check_referenced();
CREATE TRIGGER data_value_referenced_period AFTER DELETE ON period
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_check_referenced();
CREATE TRIGGER data_value_referenced_org_unit AFTER DELETE ON org_unit
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_check_referenced();
CREATE TRIGGER data_value_referenced_option_combo AFTER DELETE ON category_option_combo
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_check_referenced();
