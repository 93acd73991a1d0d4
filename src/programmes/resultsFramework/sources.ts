// The documents the results framework's values come from, each cited once. Every value in
// this folder is from mali-facts.md or mali-country-programme.md (shared/reference), where the
// reading of each source is recorded; the section is given after each citation. A secondary
// source (a press report quoting an official figure) or a donor report says so, as the
// reference notes ask: an indicator known only from such sources stays off the public page
// until the figure is checked against the primary report.

export const WUENIC_2023 =
  'WHO/UNICEF estimates of national immunization coverage (WUENIC), 2023 revision, July 2024 (wuenic2023rev_web-update.xlsx) — mali-facts §1.2.2';
export const WUENIC_INPUT = 'WUENIC input file for Mali (countries/mli.pl, mgondan/wuenic4R, 2024-05-20)';
export const WUENIC_2021 = `WHO/UNICEF estimates of national immunization coverage (WUENIC), 2021 revision ("legacy" series in ${WUENIC_INPUT}) — mali-facts §1.2.2`;
export const DHS_2018_VACCINATION = `EDSM-VI (DHS 2018), children 12–23 months, card or history, n = 2,048 (${WUENIC_INPUT}) — mali-facts §1.2.1`;
export const MICS_2015_VACCINATION = `MICS 2015, children 12–23 months, card or history, n = 3,303 (${WUENIC_INPUT}) — mali-facts §1.2.1`;
export const EPI_REVIEW_2016 = `EPI external review 2016, n = 9,402 (${WUENIC_INPUT}) — mali-facts §1.2.1`;
export const ADMIN_2022 = `Government-reported administrative coverage 2022 (${WUENIC_INPUT}); above 100 % signals a denominator problem — mali-facts §1.2.2`;
export const DHS_2018_AGE_APPROPRIATE =
  'EDSM-VI (DHS 2018) Key Indicators Report, Table 10, as transcribed in a public do-file by YoonJoung Choi (Kidal not shown) — mali-facts §1.2.1';
export const DHS_2018_FULLY_IMMUNIZED =
  'EDSM-VI (DHS 2018), as stated by UNICEF and reported by developmentafrica.net, 25 Apr 2019 (secondary source, to check against the DHS report) — mali-facts §1.2.1';
export const ZERO_DOSE_2021 =
  'WUENIC 2021, as reported by horontv.ml (SOWC 2023 press café) (secondary source, to check against WUENIC) — mali-facts §1.2.3';

export const JME =
  'UNICEF/WHO/World Bank Joint Malnutrition Estimates, country input files (WorldHealthOrganization/mnf-sdg-stunting-overweight; alexmclain/mnf_update), re-analysed with WHO flags — mali-facts §1.3.1';
export const SMART_2024 =
  'SMART national nutrition survey, 14th edition, Aug–Sep 2024 (reliefweb), and Nutrition Cluster bulletin Jul–Sep 2024 — mali-facts §1.3.2';
export const SMART_2019 = 'SMART national nutrition survey, 9th edition, Sept 2019 (reliefweb) — mali-facts §1.3.2';
export const SMART_2018 = 'SMART 2018, as reported by bamada.net (secondary source) — mali-facts §1.3.2';
export const SITREP_2021 = 'UNICEF Mali Humanitarian Situation Report No. 12, January–December 2021 (reliefweb, 2 Feb 2022) — mali-country-programme B.3';
export const HAC_2022 =
  'UNICEF Humanitarian Action for Children 2022, Mali: humanitarian target (not a country-programme target), as quoted by the Austrian Development Agency — mali-country-programme B.3';

export const CPS_EDUCATION_2019 =
  'CPS Éducation, annual review 2019, as reported by maliweb (June 2019) (secondary source) — mali-facts §1.7';
export const EPT_2014 = 'EPT country profile 2014 (Pôle de Dakar/UNESCO), 2012 data — mali-facts §1.7';
export const CPD_PAGE =
  'UNICEF Mali, Country Programme of Cooperation 2020–2024 page: situation figure, not confirmed as a programme baseline — mali-country-programme A.3';
export const SCHOOLS_CLOSED_2019 = 'Schools closed by insecurity, end 2019: bamada.net / malijet (secondary source) — mali-facts §4.2';
export const SCHOOLS_CLOSED_2020 = 'UNICEF Mali Country Office Annual Report 2020 (docslib copy, opening section) — mali-country-programme B.2';
export const SCHOOLS_CLOSED_2021 = SITREP_2021;
export const SCHOOLS_CLOSED_2022 = 'UNICEF Mali Humanitarian Situation Report No. 3, January–June 2022 (reliefweb) — mali-country-programme B.3';
export const SCHOOLS_CLOSED_2024 = 'Education Cluster, January 2024, as reported by trtafrika.com and apanews (secondary source) — mali-facts §4.2';

export const CHILD_MARRIAGE_DHS_2018 =
  'EDSM-VI (DHS 2018; Kidal urban only): UNICEF SOWC 2021 Table 12 and UN SDG Global Database (SP_DYN_MRBF18, SP_DYN_MRBF15; PT_M_20-24_MRD_U18) — mali-facts §1.5';
export const CHILD_MARRIAGE_MICS_2015 = 'MICS 2015, as cited by Save the Children (afrikinfos-mali, Dec 2019) (secondary source) — mali-facts §1.5';
export const CHILD_MARRIAGE_DHS_2001 = 'DHS 2001, UNICEF ChildInfo database (Aug 2007) — mali-facts §1.5';
export const BIRTH_CERTIFICATE =
  'Camara Z., « Évolution et facteurs explicatifs de la non-possession de l’acte de naissance chez les enfants de moins de 5 ans au Mali entre 2006 et 2018 », European Scientific Journal (analysis of DHS microdata) — mali-facts §1.6';
export const SIDA_2023 =
  'Sida, openaid.se, contribution SE-0-SE-6-10732, summarising UNICEF’s 2023 report to Sida (donor report, not confirmed as the programme framework) — mali-country-programme B.4';

export const EDSM_VII_SANITATION = 'EDSM-VII (DHS 2023-24), as reported by hcntimes.com (secondary source, to check against the DHS report) — mali-facts §1.4';
export const JMP_2020 = 'WHO/UNICEF JMP 2020 data, IRC Mali WASH fact sheet (October 2021) — mali-facts §1.4';
export const PROTOS_2016 = 'Protos 2016 case study (ATPC in Mali), end 2012 — mali-facts §6.2';

export const MODA_2014 =
  'de Milliano M. & Handa S. (2014), Child Poverty and Deprivation in Mali: The First National Estimates, UNICEF Innocenti Working Paper WP-2014-20 — mali-facts §6.4';
export const RSU = 'Registre Social Unifié (rsu.gouv.ml; maliactu, Nov 2019) — mali-facts §6.3';
