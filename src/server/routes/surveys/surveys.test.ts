/// <reference types="vite/client" />
// POST /api/surveys/anthro through the real application, on both engines: the survey sample
// of src/core/survey/reference, whose prevalences R's survey package computed running
// anthro_prevalence's steps (anthro-prevalence.csv), SMART's GAM (smart-prevalence.csv) and
// anthro's z-score means (anthro-zscores.csv); bad cells answered 400 by row and column.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/csv/csvReader.ts';
import anthroPrevalenceCsv from '../../../core/survey/reference/anthro-prevalence.csv?raw';
import anthroZscoresCsv from '../../../core/survey/reference/anthro-zscores.csv?raw';
import smartPrevalenceCsv from '../../../core/survey/reference/smart-prevalence.csv?raw';
import sampleCsv from '../../../core/survey/reference/survey-sample.csv?raw';
import { createUser } from '../../../store/users.ts';
import { describeEachEngineApp, testPassword } from '../../testing/testApp.ts';

const design = 'cluster=cluster&strata=region&weight=weight';
const rResult = (indicator: string, group: string, csv = anthroPrevalenceCsv) => {
  const [header, ...rows] = parseCsv(csv);
  const row = rows.find((r) => r.fields[0] === indicator && r.fields[1] === group)!;
  return Object.fromEntries(header!.fields.map((name, i) => [name, Number(row.fields[i])]));
};

describeEachEngineApp('survey analysis API', (api) => {
  const post = (query: string, payload: string | Buffer, contentType = 'text/csv', language = 'fr') =>
    api().inject({ method: 'POST', url: `/api/surveys/anthro?${query}`, payload, headers: { 'content-type': contentType, 'accept-language': language }, as: 'kayes' });

  it('answers the plausibility report, the prevalence table and the classes as JSON', async () => {
    const response = await post(design, sampleCsv);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const wasting = body.prevalence.rows.find((r: { indicator: string; group: string }) => r.indicator === 'WH_2' && r.group === 'All');
    const r = rResult('WH_2', 'All');
    for (const [ours, theirs] of [['prevalence', 'prevalence'], ['se', 'se'], ['ciLow', 'ci_low'], ['ciHigh', 'ci_high'], ['deff', 'deff']] as const) {
      expect(Math.abs(wasting[ours] - r[theirs]!)).toBeLessThan(1e-6);
    }
    // R: WH_2 All = 12.65 %: WHO/UNICEF "high" (10 – < 15 %), IPC AMN phase 3.
    expect(body.classification.WH_2).toEqual({ whoUnicef2018: 'high', ipcPhase: 3 });
    expect(body.plausibility.lines).toHaveLength(10);
    expect(body.plausibility).toMatchObject({ children: 377 });
    expect(body.prevalence).toMatchObject({ included: 377, excludedMissingDesign: 0, degreesOfFreedom: 21 });
  });

  it("answers SMART's GAM beside anthro's WH_2, labelled by its flags, and anthro's z-score means", async () => {
    const body = (await post(design, sampleCsv)).json();
    const gam = body.prevalence.rows.find((r: { indicator: string; group: string }) => r.indicator === 'SMART_GAM' && r.group === 'All');
    const r = rResult('SMART_GAM', 'All', smartPrevalenceCsv);
    expect(gam.n).toBe(r.n);
    for (const [ours, theirs] of [['prevalence', 'prevalence'], ['se', 'se'], ['ciLow', 'ci_low'], ['ciHigh', 'ci_high']] as const) {
      expect(Math.abs(gam[ours] - r[theirs]!)).toBeLessThan(1e-6);
    }
    // R: SMART_GAM All = 11.51 %: IPC AMN phase 3, no WHO/UNICEF 2018 class (a 0–59-month scale).
    expect(body.classification.SMART_GAM).toEqual({ whoUnicef2018: null, ipcPhase: 3 });
    // 3 SMART-flagged WHZ (mean of every WHZ of the file, as the plausibility report: 0.80 % of 374).
    expect(body.prevalence.smartFlags.excluded).toBe(3);
    expect(body.prevalence.smartFlags.whzMean).toBeCloseTo(body.plausibility.smartFlags.whz.mean, 12);
    const whz = body.prevalence.zscoreSummary.find((z: { indicator: string; group: string }) => z.indicator === 'WH' && z.group === 'All');
    const rz = rResult('WH', 'All', anthroZscoresCsv);
    for (const [ours, theirs] of [['mean', 'mean'], ['se', 'se'], ['ciLow', 'ci_low'], ['ciHigh', 'ci_high'], ['sd', 'sd']] as const) {
      expect(Math.abs(whz[ours] - rz[theirs]!)).toBeLessThan(1e-6);
    }
    const csv = await post(`${design}&format=csv&table=zscores`, sampleCsv);
    expect(csv.body.split('\n')[0]).toBe('indicator,group,n,mean,se,ci_low,ci_high,sd');
  });

  it('answers one table as CSV with format=csv', async () => {
    const response = await post(`${design}&format=csv`, sampleCsv);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.body.split('\n');
    expect(lines[0]).toBe('indicator,group,n,prevalence,se,ci_low,ci_high,deff');
    expect(lines.find((line) => line.startsWith('HA_2,Sex: Female,'))).toBeDefined();
    const plausibility = await post(`${design}&format=csv&table=plausibility`, sampleCsv);
    expect(plausibility.body.split('\n')[0]).toBe('criterion,value,p,n,class,points');
  });

  it('takes an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('enquête');
    const [header, ...rows] = parseCsv(sampleCsv);
    sheet.addRow(header!.fields);
    for (const row of rows) sheet.addRow(row.fields.map((cell) => (cell !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell)));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await post(`${design}&format=csv`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe((await post(`${design}&format=csv`, sampleCsv)).body);
  });

  it('refuses unreadable cells with 400, each by row and column in the request language', async () => {
    const bad = 'sex,age_days,weight_kg,lenhei_cm,cluster\n1,400,9.1,75,1\nz,400,9.1,75,2\n';
    const french = await post('cluster=cluster', bad);
    expect(french.statusCode).toBe(400);
    expect(french.json()).toMatchObject({
      errorCode: 'SURVEY_INVALID_INPUT',
      errors: [{ row: 3, field: 'sex', code: 'SURVEY_INVALID_SEX', value: 'z', message: 'Ligne 3, colonne « sex » : « z » n\'est pas un code de sexe connu (1 ou m, 2 ou f)' }],
    });
    const english = await post('cluster=cluster', bad, 'text/csv', 'en');
    expect(english.json().errors[0].message).toBe('Row 3, column "sex": "z" is not a known sex code (1 or m, 2 or f)');
    const missing = await post('strata=strate', sampleCsv, 'text/csv', 'en');
    expect([missing.statusCode, missing.json().message]).toEqual([400, 'Column "strate" is missing from the survey file\'s header']);
  });

  it('requires a signed-in user', async () => {
    const response = await api().inject({ method: 'POST', url: '/api/surveys/anthro', payload: sampleCsv, headers: { 'content-type': 'text/csv' } });
    expect(response.statusCode).toBe(401);
  });
});

describeEachEngineApp('saving survey prevalences as results framework values', (api) => {
  // The sample with its regions written as org unit codes: Kayes → ML01, Mopti → ML04 (a
  // fixture code), Gao → GAO (no such org unit).
  const coded = sampleCsv.replace(/^Kayes,/gm, 'ML01,').replace(/^Mopti,/gm, 'ML04,').replace(/^Gao,/gm, 'GAO,');
  const url = `/api/surveys/anthro/observations?${design}&orgUnit=ML&year=2025&source=${encodeURIComponent('SMART test 2025')}`;
  const save = (as: 'national' | 'kayes', payload = coded) =>
    api().inject({ method: 'POST', url, payload, headers: { 'content-type': 'text/csv', 'accept-language': 'en' }, as });

  beforeAll(async () => {
    const { pool } = api().database;
    await pool.query(`INSERT INTO rf_goal (code, name) VALUES ('G1', 'Survie')`);
    await pool.query(`INSERT INTO rf_result (code, goal_id, kind, name) SELECT 'KRC2', id, 'KRC', 'Nutrition' FROM rf_goal`);
    await pool.query(`INSERT INTO rf_indicator (code, result_id, name, direction) SELECT c, r.id, c, 'decrease' FROM rf_result r, (VALUES ('RF_WASTING'), ('RF_STUNTING')) v(c)`);
  });

  it('saves stunting and wasting for the survey area, by sex and by stratum, with interval and n', async () => {
    const response = await save('national');
    expect(response.statusCode).toBe(200);
    // 2 result indicators (RF_UNDERWEIGHT is not in this framework) × (T, F, M at ML + ML01 + ML04).
    expect(response.json()).toEqual({ saved: 10, unmatchedStrata: ['GAO'], year: 2025, source: 'SMART test 2025' });
    const { rows } = await api().database.pool.query(
      `SELECT o.code AS org_unit, o2.sex, o2.value, o2.ci_low, o2.ci_high, o2.sample_size, o2.method FROM rf_observation o2
       JOIN rf_indicator i ON i.id = o2.rf_indicator_id JOIN org_unit o ON o.id = o2.org_unit_id
       WHERE i.code = 'RF_WASTING' AND o2.source = 'SMART test 2025' ORDER BY o.code, o2.sex`,
    );
    expect(rows.map((r) => [r.org_unit, r.sex])).toEqual([['ML', 'F'], ['ML', 'M'], ['ML', 'T'], ['ML01', 'T'], ['ML04', 'T']]);
    const total = rows.find((r) => r.org_unit === 'ML' && r.sex === 'T');
    const expected = rResult('WH_2', 'All');
    expect(total.value).toBeCloseTo(expected.prevalence!, 9);
    expect(total.ci_low).toBeCloseTo(expected.ci_low!, 9);
    expect(total.ci_high).toBeCloseTo(expected.ci_high!, 9);
    expect(total.sample_size).toBe(375);
    expect(total.method).toContain('anthro_prevalence');
    expect(rows.find((r) => r.org_unit === 'ML01').value).toBeCloseTo(rResult('WH_2', 'region: Kayes').prevalence!, 9);
  });

  it('replaces the values of the same source when saved again', async () => {
    expect((await save('national')).json().saved).toBe(10);
    const { rows } = await api().database.pool.query(`SELECT count(*)::int AS n FROM rf_observation WHERE source = 'SMART test 2025'`);
    expect(rows[0].n).toBe(10);
  });

  it('needs the right to edit the results framework', async () => {
    expect((await save('kayes')).statusCode).toBe(403);
  });

  describe("a data manager of Kayes (ML01): observations inside its region only (access/policy.ts canWriteOrgUnitMetadata)", () => {
    const kayesManager = { authorization: `Basic ${Buffer.from(`kayesmanager:${testPassword}`).toString('base64')}`, 'accept-language': 'en' };
    const saveAs = (orgUnit: string, source: string, payload: string) =>
      api().inject({
        method: 'POST',
        url: `/api/surveys/anthro/observations?${design}&orgUnit=${orgUnit}&year=2025&source=${encodeURIComponent(source)}`,
        payload,
        headers: { ...kayesManager, 'content-type': 'text/csv' },
      });
    const savedRows = async (source: string) =>
      (await api().database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM rf_observation WHERE source = $1', [source])).rows[0]!.n;

    beforeAll(async () => {
      await createUser(api().database, { username: 'kayesmanager', displayName: 'Kayes DM', password: testPassword, role: 'data_manager', scope: ['ML01'] });
    });

    it('refuses a survey of the country (403 OUT_OF_SCOPE naming ML) and writes nothing', async () => {
      const response = await saveAs('ML', 'SMART national by Kayes DM', coded);
      expect(response.json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE', message: 'Org unit ML is outside your scope' });
      expect(await savedRows('SMART national by Kayes DM')).toBe(0);
    });

    it('refuses a survey of Kayes with a stratum of Ségou (ML04), and writes none of its rows', async () => {
      const response = await saveAs('ML01', 'SMART Kayes with ML04', coded);
      expect(response.json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE', message: 'Org unit ML04 is outside your scope' });
      expect(await savedRows('SMART Kayes with ML04')).toBe(0);
    });

    it('saves a survey of Kayes whose strata lie in Kayes', async () => {
      // Kayes's stratum as the cercle ML0101; Mopti and Gao name no org unit and are skipped.
      const inKayes = sampleCsv.replace(/^Kayes,/gm, 'ML0101,');
      const response = await saveAs('ML01', 'SMART Kayes', inKayes);
      // 2 result indicators × (T, F, M at ML01 + T at ML0101).
      expect(response.json()).toEqual({ saved: 8, unmatchedStrata: ['Gao', 'Mopti'], year: 2025, source: 'SMART Kayes' });
      expect(await savedRows('SMART Kayes')).toBe(8);
    });
  });
});
