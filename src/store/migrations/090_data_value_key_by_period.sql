-- The data value key led by the period and the org unit (issue 2: a month's import into the
-- national table at ≥ 100,000 values/s). Measured by statement time on PostgreSQL 15, one new
-- month (333,000 values) into a 27-million-value table (src/store/dataValues/README.md,
-- "Throughput"):
--
-- * Files come an org unit's month at a time (DHIS2 exports, data entry, the national month),
--   and a new month has the newest period: in (period, org unit, data element, …) order every
--   new entry lands at the right edge of the index, where PostgreSQL keeps the last leaf and
--   splits pages 90/10. Led by the data element, the same month was inserted at 240 places
--   (one per data element and combo) with half-full pages: 0.55 s against 0.27 s for the key.
-- * The key then serves every look-up the (org unit, period) index served (a facility's form,
--   the validation of an import, the export of a subtree for given periods), so that index goes:
--   about 0.3 s more.
-- Queries that name a data element and no period now read whole periods: the reference check
-- of a data element's deletion (migration 020) scans the table, a rare metadata change; the
-- readers of data values (export, analytics statistics, the importer's look-ups) name periods
-- and org units.
ALTER TABLE data_value DROP CONSTRAINT data_value_pkey;
DROP INDEX data_value_org_unit_period;
ALTER TABLE data_value ADD PRIMARY KEY (period_id, org_unit_id, data_element_id, category_option_combo_id, attribute_option_combo_id);
