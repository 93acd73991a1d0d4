-- What a DHIS2 metadata export carries beyond migration 001, so that an export → import →
-- export round trip loses nothing (POST/GET /api/metadata, docs/metadata-format.md):
-- descriptions and short names where DHIS2 objects have them, every DHIS2 translation
-- (`translations`: [{property, locale, value}], kept as given; `name_en` stays the English
-- name that Denw's own queries read), DHIS2 attributes with the values org units, data
-- elements and indicators carry, and the org-unit group set flags analytics reads.

-- DHIS2 attributes (dhis2-core Attribute): custom fields whose values objects carry in
-- `attributeValues`. `object_types` lists the DHIS2 flags that are true
-- (organisationUnitAttribute, dataElementAttribute, indicatorAttribute …).
CREATE TABLE attribute (
  id           serial PRIMARY KEY,
  uid          text NOT NULL UNIQUE,
  code         text UNIQUE,
  name         text NOT NULL,
  short_name   text,
  name_en      text,
  description  text,
  value_type   text NOT NULL DEFAULT 'TEXT',
  object_types text[] NOT NULL DEFAULT '{}',
  is_unique    boolean NOT NULL DEFAULT false,
  mandatory    boolean NOT NULL DEFAULT false,
  translations jsonb NOT NULL DEFAULT '[]'::jsonb
);

ALTER TABLE org_unit_level ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE org_unit ADD COLUMN description text, ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE org_unit_group ADD COLUMN description text, ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
-- DHIS2 OrganisationUnitGroupSet: `includeSubhierarchyInAnalytics` makes a group count the
-- data of every unit below its members.
ALTER TABLE org_unit_group_set
  ADD COLUMN short_name text,
  ADD COLUMN description text,
  ADD COLUMN compulsory boolean NOT NULL DEFAULT false,
  ADD COLUMN data_dimension boolean NOT NULL DEFAULT true,
  ADD COLUMN include_subhierarchy_in_analytics boolean NOT NULL DEFAULT false,
  ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE category_option ADD COLUMN description text, ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE category ADD COLUMN description text, ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE category_combo ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE category_option_combo ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE data_element ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE data_set ADD COLUMN description text, ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE data_set_section ADD COLUMN description text, ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE indicator_type ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE indicator ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE constant ADD COLUMN short_name text, ADD COLUMN description text, ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE validation_rule ADD COLUMN description text, ADD COLUMN translations jsonb NOT NULL DEFAULT '[]'::jsonb;
