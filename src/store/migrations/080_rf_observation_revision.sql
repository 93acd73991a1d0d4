-- WHO/UNICEF estimates (WUENIC) are revised every July back over the whole series: the 2023
-- revision gives Mali's DTP1 for 2021 as 79 %, the 2021 revision gave 82 % (mali-facts.md
-- §1.2.2, "store the revision year with every value"). The revision year of an estimate is kept
-- beside its value; survey and report values have none.
ALTER TABLE rf_observation ADD COLUMN revision integer CHECK (revision BETWEEN 1900 AND 2200);
