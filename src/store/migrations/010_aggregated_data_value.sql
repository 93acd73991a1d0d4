-- Real-time analytics: every numeric data value summed into each of its org unit's ancestors
-- (every level above the unit that holds the value), per data element, category option
-- combo, attribute option combo and the value's own period. The sums are maintained in the
-- same transaction as the write, by statement-level triggers that read the transition tables
-- of data_value (one trigger per event: PostgreSQL does not allow transition tables on a
-- trigger with several events). A committed value is therefore in every total at once; there
-- is no "analytics tables" job (DHIS2's nightly run).
--
-- Why these columns: the sum and the count of the values are enough for the aggregation types
-- DHIS2 computes with sum/avg/count (SUM, AVERAGE, AVERAGE_SUM_ORG_UNIT, COUNT); the types that
-- need individual values (LAST…, MIN, MAX) read data_value (src/core/analytics/aggregation.ts).
-- Keeping the value's own period (not a month) loses nothing: analytics maps each stored period
-- to the requested ones with DHIS2's rollup rule (src/core/periods aggregationPeriod), so weekly
-- data reaches months by the four-day rule. The value of the unit itself is not copied here:
-- queries add the unit's own rows of data_value, which avoids doubling every write.
--
-- value_sum is numeric so that adding and then removing a value restores the sum exactly
-- (float sums would drift after many updates).
CREATE TABLE aggregated_data_value (
  data_element_id           integer NOT NULL,
  org_unit_id               integer NOT NULL,
  period_id                 integer NOT NULL,
  category_option_combo_id  integer NOT NULL,
  attribute_option_combo_id integer NOT NULL,
  value_sum                 numeric NOT NULL,
  value_count               integer NOT NULL,
  PRIMARY KEY (data_element_id, org_unit_id, period_id, category_option_combo_id, attribute_option_combo_id)
);
-- Rows whose last value was removed are deleted at the end of the same statement; this index
-- holds only those rows, so finding them costs nothing.
CREATE INDEX aggregated_data_value_emptied ON aggregated_data_value (data_element_id) WHERE value_count = 0;

-- The statement that adds the rows of `changes` to the sums of every strict ancestor of their
-- org unit. `changes` is a query giving the key columns and numeric_value of data_value rows,
-- the ancestor_ids of their org unit, and `sign` (+1 to add, -1 to remove). The trigger
-- functions EXECUTE it themselves: transition tables are visible only to the trigger
-- function's own queries, not to functions it calls.
--
-- Two steps keep bulk writes fast: the values are first summed (as float8) per group of units
-- with the same ancestors — all the facilities of a cercle — and only those partial sums are
-- spread over the ancestors and added as numeric. The cast of a float8 sum to numeric keeps 15
-- significant digits (PostgreSQL float8_numeric), which drops the binary rounding noise of the
-- partial sum (0.1 + 0.2 becomes 0.3), so the stored sums stay exact decimal sums. Values added
-- and values removed are summed apart (the `sign` in the first grouping): a float sum of +x and
-- -x can leave a residue such as 5e-15, which no rounding to significant digits removes; their
-- difference is taken in numeric, exactly.
CREATE FUNCTION aggregated_data_value_upsert(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $function$
  SELECT format($sql$
    INSERT INTO aggregated_data_value AS a (data_element_id, org_unit_id, period_id,
      category_option_combo_id, attribute_option_combo_id, value_sum, value_count)
    SELECT s.data_element_id, ancestor.id, s.period_id, s.category_option_combo_id,
           s.attribute_option_combo_id, sum(s.sign * s.value_sum::numeric), sum(s.sign * s.value_count)
    FROM (
      SELECT c.data_element_id, c.period_id, c.category_option_combo_id, c.attribute_option_combo_id,
             c.ancestor_ids[1:cardinality(c.ancestor_ids) - 1] AS above, c.sign,
             sum(c.numeric_value) AS value_sum, count(*) AS value_count
      FROM (%s) c
      WHERE c.numeric_value IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6) s
    CROSS JOIN LATERAL unnest(s.above) AS ancestor(id)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(s.sign * s.value_count) <> 0 OR sum(s.sign * s.value_sum::numeric) <> 0
    -- A fixed order takes the row locks in the same order in every transaction, so that
    -- concurrent writers wait for each other instead of deadlocking.
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (data_element_id, org_unit_id, period_id, category_option_combo_id, attribute_option_combo_id)
    DO UPDATE SET value_sum = a.value_sum + excluded.value_sum, value_count = a.value_count + excluded.value_count
  $sql$, changes)
$function$;

-- The columns of a data_value row (alias v) and its org unit (alias u) that the sums need.
CREATE FUNCTION aggregated_data_value_changes(transition_table text, sign integer) RETURNS text LANGUAGE sql IMMUTABLE AS $function$
  SELECT format('SELECT v.data_element_id, v.period_id, v.category_option_combo_id, v.attribute_option_combo_id,
    v.numeric_value, u.ancestor_ids, %s AS sign FROM %I v JOIN org_unit u ON u.id = v.org_unit_id', sign, transition_table)
$function$;

CREATE FUNCTION aggregated_data_value_on_data_value() RETURNS trigger LANGUAGE plpgsql AS $function$
BEGIN
  EXECUTE aggregated_data_value_upsert(CASE TG_OP
    WHEN 'INSERT' THEN aggregated_data_value_changes('new_data_value', 1)
    WHEN 'DELETE' THEN aggregated_data_value_changes('old_data_value', -1)
    ELSE aggregated_data_value_changes('new_data_value', 1) || ' UNION ALL ' || aggregated_data_value_changes('old_data_value', -1)
  END);
  -- Sums left without values (their last value was deleted or moved) go.
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM aggregated_data_value WHERE value_count = 0;
  END IF;
  RETURN NULL;
END
$function$;

CREATE TRIGGER aggregated_data_value_insert AFTER INSERT ON data_value
  REFERENCING NEW TABLE AS new_data_value
  FOR EACH STATEMENT EXECUTE FUNCTION aggregated_data_value_on_data_value();
CREATE TRIGGER aggregated_data_value_update AFTER UPDATE ON data_value
  REFERENCING OLD TABLE AS old_data_value NEW TABLE AS new_data_value
  FOR EACH STATEMENT EXECUTE FUNCTION aggregated_data_value_on_data_value();
CREATE TRIGGER aggregated_data_value_delete AFTER DELETE ON data_value
  REFERENCING OLD TABLE AS old_data_value
  FOR EACH STATEMENT EXECUTE FUNCTION aggregated_data_value_on_data_value();

-- An org unit that moves in the tree (its ancestor_ids change) takes its own values from its
-- old ancestors to its new ones. Moving a subtree updates the ancestor_ids of every unit in
-- it, so each unit moving its own values moves the whole subtree's.
CREATE FUNCTION aggregated_data_value_on_org_unit() RETURNS trigger LANGUAGE plpgsql AS $function$
BEGIN
  EXECUTE aggregated_data_value_upsert($changes$
    SELECT dv.data_element_id, dv.period_id, dv.category_option_combo_id, dv.attribute_option_combo_id,
           dv.numeric_value, moved.ancestor_ids, moved.sign FROM (
      SELECT n.id, n.ancestor_ids, 1 AS sign FROM new_org_unit n JOIN old_org_unit o USING (id)
      WHERE n.ancestor_ids IS DISTINCT FROM o.ancestor_ids
      UNION ALL
      SELECT o.id, o.ancestor_ids, -1 AS sign FROM old_org_unit o JOIN new_org_unit n USING (id)
      WHERE n.ancestor_ids IS DISTINCT FROM o.ancestor_ids) moved
    JOIN data_value dv ON dv.org_unit_id = moved.id
  $changes$);
  DELETE FROM aggregated_data_value WHERE value_count = 0;
  RETURN NULL;
END
$function$;

CREATE TRIGGER aggregated_data_value_move AFTER UPDATE ON org_unit
  REFERENCING OLD TABLE AS old_org_unit NEW TABLE AS new_org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION aggregated_data_value_on_org_unit();
