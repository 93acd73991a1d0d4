-- A survey prevalence is an estimate with its 95 % confidence interval and its sample size
-- (WHO's anthro_prevalence reports them with every value; DHS, MICS and SMART reports print
-- them beside it). Survey values saved from Denw's survey analysis (POST
-- /api/surveys/anthro/observations) keep them, so that a change between two surveys can be
-- read against the uncertainty. NULL for values without an interval (reports, estimates).
ALTER TABLE rf_observation ADD COLUMN ci_low double precision;
ALTER TABLE rf_observation ADD COLUMN ci_high double precision;
ALTER TABLE rf_observation ADD COLUMN sample_size integer CHECK (sample_size >= 0);
ALTER TABLE rf_observation ADD CONSTRAINT rf_observation_interval_check CHECK (ci_low IS NULL OR ci_high IS NULL OR ci_low <= ci_high);
