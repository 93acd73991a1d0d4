// The child registry and vaccination API through the real application, on both engines: the
// contract of /tmp/contracts.md (shapes), access by role and scope (allowed and denied), the
// rollup seen in the national total, the defaulter list as JSON and as CSV in French and
// English, and the FHIR round trip.
import { beforeAll, expect, it } from 'vitest';
import { loadEpiPackage } from '../../../store/immunization/testing/epiPackage.ts';
import { createUser } from '../../../store/users.ts';
import { describeEachEngineApp, testPassword } from '../../testing/testApp.ts';

describeEachEngineApp('child registry and vaccination API', (api) => {
  beforeAll(async () => {
    await loadEpiPackage(api().database);
  });
  const json = (method: 'POST' | 'GET' | 'DELETE', url: string, as: 'admin' | 'national' | 'kayes' | 'segouViewer', payload?: unknown, headers: Record<string, string> = {}) =>
    api().inject({ method, url, as, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const fatoumata = { orgUnit: 'FAC_KAYES_1', givenName: 'Fatoumata', familyName: 'Traoré', sex: 'F', birthDate: '2024-01-10', motherName: 'Aminata Diarra', village: 'Kalaban-Coro' };
  let uid = '';

  const nationalPenta1 = async () => {
    const { rows } = await api().database.pool.query<{ value_sum: number }>(
      `SELECT a.value_sum FROM aggregated_data_value a JOIN data_element de ON de.id = a.data_element_id JOIN period p ON p.id = a.period_id
       JOIN org_unit ou ON ou.id = a.org_unit_id JOIN category_option_combo coc ON coc.id = a.category_option_combo_id
       WHERE de.code = 'EPI_PENTA1' AND p.iso = '202402' AND ou.code = 'ML' AND coc.code = '0-11M_F'`,
    );
    return rows[0]?.value_sum ?? 0;
  };

  it('registers a child in the user’s scope (201, the contract’s Child), and refuses a viewer and another region', async () => {
    const created = await json('POST', '/api/children', 'kayes', fatoumata);
    expect(created.statusCode).toBe(201);
    uid = created.json().uid;
    expect(created.json()).toEqual({
      uid: expect.stringMatching(/^[A-Za-z][A-Za-z0-9]{10}$/),
      orgUnit: { code: 'FAC_KAYES_1', name: 'CSCom Kayes Plateau' },
      givenName: 'Fatoumata',
      familyName: 'Traoré',
      sex: 'F',
      birthDate: '2024-01-10',
      motherName: 'Aminata Diarra',
      village: 'Kalaban-Coro',
      created: expect.any(String),
    });
    expect((await json('POST', '/api/children', 'segouViewer', { ...fatoumata, orgUnit: 'FAC_SEGOU_1' })).json()).toMatchObject({ httpStatusCode: 403, errorCode: 'FORBIDDEN' });
    expect((await json('POST', '/api/children', 'kayes', { ...fatoumata, orgUnit: 'FAC_SEGOU_1' })).json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE' });
  });

  it('refuses a bad child by field (400), never a partial write', async () => {
    const bad = await json('POST', '/api/children', 'kayes', { ...fatoumata, sex: 'X', birthDate: '2024-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['body.birthDate', 'body.sex']);
    expect((await json('POST', '/api/children', 'kayes', { ...fatoumata, orgUnit: 'NOWHERE' })).json()).toMatchObject({ httpStatusCode: 400, errorCode: 'IMMUNIZATION_ORG_UNIT_UNKNOWN', field: 'body.orgUnit' });
    const { rows } = await api().database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM child');
    expect(rows[0]!.n).toBe(1);
  });

  it('finds children only in the reader’s scope, and reads one only there', async () => {
    expect((await json('GET', '/api/children?q=TRAORE', 'kayes')).json().children.map((child: { uid: string }) => child.uid)).toEqual([uid]);
    expect((await json('GET', '/api/children?q=traore', 'segouViewer')).json()).toEqual({ children: [] });
    expect((await json('GET', '/api/children?orgUnit=ML0101&birthDate=2024-01-10', 'national')).json().children).toHaveLength(1);
    expect((await json('GET', `/api/children/${uid}`, 'segouViewer')).statusCode).toBe(403);
    expect((await json('GET', '/api/children/Nobody00001', 'admin')).statusCode).toBe(404);
  });

  it('lets a data manager, not a vaccinator, make the registry the source of the EPI report at a facility', async () => {
    const switching = { dataSet: 'EPI_MONTHLY', orgUnit: 'FAC_KAYES_1', from: '2024-01-01', source: 'registry' };
    expect((await json('POST', '/api/dataSetSources', 'kayes', switching)).statusCode).toBe(403);
    const switched = await json('POST', '/api/dataSetSources', 'national', switching);
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toEqual({ starts: '2024-01-01', removed: 0, written: 0 });
  });

  it('refuses a data manager of Kayes the switch at a facility of Ségou (403 OUT_OF_SCOPE), writing nothing', async () => {
    await createUser(api().database, { username: 'kayesmanager', displayName: 'Kayes DM', password: testPassword, role: 'data_manager', scope: ['ML01'] });
    const response = await api().inject({
      method: 'POST',
      url: '/api/dataSetSources',
      payload: { dataSet: 'EPI_MONTHLY', orgUnit: 'FAC_SEGOU_1', from: '2024-01-01', source: 'registry' },
      headers: { authorization: `Basic ${Buffer.from(`kayesmanager:${testPassword}`).toString('base64')}`, 'accept-language': 'en' },
    });
    expect(response.json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE', message: 'Org unit FAC_SEGOU_1 is outside your scope' });
    const { rows } = await api().database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM data_set_source s JOIN org_unit o ON o.id = s.org_unit_id WHERE o.code = 'FAC_SEGOU_1'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('tells where the EPI report’s figures come from at a facility, today and by period, inside the reader’s scope only', async () => {
    const read = (orgUnit: string, as: 'national' | 'segouViewer', headers: Record<string, string> = {}) => json('GET', `/api/dataSetSources?orgUnit=${orgUnit}`, as, undefined, headers);
    expect((await read('FAC_KAYES_1', 'national')).json()).toEqual({
      orgUnit: 'FAC_KAYES_1',
      // Only the data sets the registry can produce and the database holds (no nutrition package here).
      dataSets: [
        {
          dataSet: 'EPI_MONTHLY',
          name: 'PEV — rapport mensuel de l’aire de santé',
          periodType: 'Monthly',
          source: 'registry',
          sources: [{ starts: '2024-01-01', source: 'registry', changedBy: 'national' }],
        },
      ],
    });
    expect((await read('FAC_KAYES_1', 'national', { 'accept-language': 'en' })).json().dataSets[0].name).toBe('EPI — monthly report of the health area');
    expect((await read('FAC_KAYES_2', 'national')).json().dataSets[0]).toMatchObject({ source: 'form', sources: [] });
    expect((await read('FAC_KAYES_1', 'segouViewer')).json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE' });
  });

  it('records a dose (201, the contract’s Immunization) that reaches the national monthly total, and takes it back on DELETE (204)', async () => {
    const recorded = await json('POST', `/api/children/${uid}/immunizations`, 'kayes', { vaccine: 'PENTA', dose: 1, date: '2024-02-21', lotNumber: 'L-2024-01' });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z][A-Za-z0-9]{10}$/),
      vaccine: 'PENTA',
      dose: 1,
      date: '2024-02-21',
      lotNumber: 'L-2024-01',
      orgUnit: { code: 'FAC_KAYES_1', name: 'CSCom Kayes Plateau' },
      status: 'completed',
    });
    expect(await nationalPenta1()).toBe(1);
    const record = (await json('GET', `/api/children/${uid}?asOf=2024-03-01`, 'kayes')).json();
    expect(record.immunizations).toHaveLength(1);
    expect(record.schedule.find((dose: { vaccine: string; dose: number }) => dose.vaccine === 'PENTA' && dose.dose === 1)).toMatchObject({ status: 'given', validDate: '2024-02-21' });
    expect((await json('DELETE', `/api/children/${uid}/immunizations/${recorded.json().id}`, 'segouViewer')).statusCode).toBe(403);
    expect((await json('DELETE', `/api/children/${uid}/immunizations/${recorded.json().id}`, 'kayes')).statusCode).toBe(204);
    expect(await nationalPenta1()).toBe(0);
    expect((await json('DELETE', `/api/children/${uid}/immunizations/${recorded.json().id}`, 'kayes')).statusCode).toBe(404);
    expect((await json('GET', `/api/children/${uid}`, 'kayes')).json().immunizations[0].status).toBe('entered-in-error');
  });

  it('refuses a dose the schedule lacks, before birth or in the future, by field', async () => {
    const refuse = async (dose: object) => (await json('POST', `/api/children/${uid}/immunizations`, 'kayes', dose)).json();
    expect(await refuse({ vaccine: 'PENTA', dose: 4, date: '2024-06-01' })).toMatchObject({ httpStatusCode: 400, errorCode: 'IMMUNIZATION_DOSE_UNKNOWN', field: 'body.dose' });
    expect(await refuse({ vaccine: 'BCG', dose: 1, date: '2023-12-31' })).toMatchObject({ errorCode: 'IMMUNIZATION_BEFORE_BIRTH', field: 'body.date' });
    expect(await refuse({ vaccine: 'BCG', dose: 1, date: '2999-01-01' })).toMatchObject({ errorCode: 'IMMUNIZATION_DATE_IN_FUTURE', field: 'body.date' });
    expect(await refuse({ vaccine: 'POLIO', dose: 1, date: '2024-06-01' })).toMatchObject({ httpStatusCode: 400, errors: [{ field: 'body.vaccine', code: 'NOT_ONE_OF' }] });
  });

  it('lists the defaulters of a health area as JSON, and as CSV with French headers, English on request', async () => {
    // Born 10 January 2024, no valid dose: BCG due at birth, overdue on 7 February; on Wednesday
    // 14 February (week 12–18 February) the child is overdue, not yet lost to follow-up.
    const list = await json('GET', '/api/immunization/defaulters?orgUnit=FAC_KAYES_1&asOf=2024-02-14', 'kayes');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ asOf: '2024-02-14', weekStart: '2024-02-12', weekEnd: '2024-02-18', due: [], lostToFollowUp: [] });
    expect(list.json().overdue).toEqual([{ child: expect.objectContaining({ uid, givenName: 'Fatoumata' }), vaccine: 'BCG', dose: 1, dueDate: '2024-01-10', overdueDate: '2024-02-07' }]);
    const csv = await json('GET', '/api/immunization/defaulters?orgUnit=FAC_KAYES_1&asOf=2024-02-14&format=csv', 'kayes');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]!.trim()).toBe('Liste,Identifiant,Nom,Prénom,Sexe,Date de naissance,Nom de la mère,Village,Aire de santé,Vaccin,Dose,Due depuis le,En retard depuis le');
    expect(csv.body.split('\n')[1]!.trim()).toBe(`En retard,${uid},Traoré,Fatoumata,F,2024-01-10,Aminata Diarra,Kalaban-Coro,CSCom Kayes Plateau,BCG,1,2024-01-10,2024-02-07`);
    const english = await json('GET', '/api/immunization/defaulters?orgUnit=FAC_KAYES_1&asOf=2024-02-14&format=csv', 'kayes', undefined, { 'accept-language': 'en' });
    expect(english.body.split('\n')[0]!.trim()).toBe("List,Identifier,Family name,Given name,Sex,Birth date,Mother's name,Village,Health area,Vaccine,Dose,Due since,Overdue since");
    expect((await json('GET', '/api/immunization/defaulters?orgUnit=FAC_KAYES_1', 'segouViewer')).statusCode).toBe(403);
  });

  it('exports a child as FHIR R4 and imports it back into an empty registry: the same child and doses', async () => {
    const moussa = (await json('POST', '/api/children', 'kayes', { orgUnit: 'FAC_KAYES_2', givenName: 'Moussa', familyName: 'Keïta', sex: 'M', birthDate: '2024-03-02' })).json();
    await json('POST', `/api/children/${moussa.uid}/immunizations`, 'kayes', { vaccine: 'BCG', dose: 1, date: '2024-03-02' });
    await json('POST', `/api/children/${moussa.uid}/immunizations`, 'kayes', { vaccine: 'OPV', dose: 0, date: '2024-03-02', lotNumber: 'OPV-7' });
    const before = (await json('GET', `/api/children/${moussa.uid}`, 'kayes')).json();
    const exported = await json('GET', `/api/children/${moussa.uid}/fhir`, 'kayes');
    expect(exported.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(exported.json()).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(exported.json().entry.map((entry: { resource: { resourceType: string } }) => entry.resource.resourceType)).toEqual(['Patient', 'Immunization', 'Immunization']);
    // Empty the registry of this child (a facility on the form: no rollup to undo).
    await api().database.pool.query('DELETE FROM immunization WHERE child_id = (SELECT id FROM child WHERE uid = $1)', [moussa.uid]);
    await api().database.pool.query('DELETE FROM child WHERE uid = $1', [moussa.uid]);
    const imported = await json('POST', '/api/fhir', 'kayes', exported.body, { 'content-type': 'application/fhir+json' });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ children: { imported: 1, existing: 0 }, immunizations: { imported: 2, existing: 0 } });
    const after = (await json('GET', `/api/children/${moussa.uid}`, 'kayes')).json();
    const withoutTimes = (record: { created: string; immunizations: Array<{ created: string }> }) => ({
      ...record,
      created: undefined,
      immunizations: record.immunizations.map((dose) => ({ ...dose, created: undefined })),
    });
    expect(withoutTimes(after)).toEqual(withoutTimes(before));
    // Importing it again changes nothing.
    expect((await json('POST', '/api/fhir', 'kayes', exported.json())).json()).toEqual({ children: { imported: 0, existing: 1 }, immunizations: { imported: 0, existing: 2 } });
  });

  it('refuses a FHIR dose given at a facility outside the scope (403 OUT_OF_SCOPE): it would count in that facility’s EPI report', async () => {
    const awa = (await json('POST', '/api/children', 'kayes', { orgUnit: 'FAC_KAYES_1', givenName: 'Awa', familyName: 'Coulibaly', sex: 'F', birthDate: '2024-02-01' })).json();
    await json('POST', `/api/children/${awa.uid}/immunizations`, 'kayes', { vaccine: 'BCG', dose: 1, date: '2024-02-01' });
    const bundle = (await json('GET', `/api/children/${awa.uid}/fhir`, 'kayes')).json();
    const doses = async () =>
      (await api().database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM immunization WHERE child_id = (SELECT id FROM child WHERE uid = $1)', [awa.uid])).rows[0]!.n;
    // The dose removed (FAC_KAYES_1 reports on the form: no rollup to undo), then imported back.
    await api().database.pool.query('DELETE FROM immunization WHERE child_id = (SELECT id FROM child WHERE uid = $1)', [awa.uid]);
    const elsewhere = structuredClone(bundle);
    elsewhere.entry[1].resource.location.identifier.value = 'FAC_SEGOU_1';
    const refused = await json('POST', '/api/fhir', 'kayes', elsewhere, { 'accept-language': 'en' });
    expect(refused.json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE', message: 'Org unit FAC_SEGOU_1 is outside your scope' });
    expect(await doses()).toBe(0);
    // The same rule when the dose is recorded one at a time.
    const single = await json('POST', `/api/children/${awa.uid}/immunizations`, 'kayes', { vaccine: 'BCG', dose: 1, date: '2024-02-01', orgUnit: 'FAC_SEGOU_1' });
    expect(single.json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE' });
    expect(await doses()).toBe(0);
    expect((await json('POST', '/api/fhir', 'kayes', bundle)).json()).toEqual({ children: { imported: 0, existing: 1 }, immunizations: { imported: 1, existing: 0 } });
    expect(await doses()).toBe(1);
  });

  it('refuses a bad FHIR resource with the path of the bad field (400), and a Patient outside the scope (403)', async () => {
    const bundle = (await json('GET', `/api/children/${uid}/fhir`, 'kayes')).json();
    bundle.entry[0].resource.gender = 'F';
    const bad = await json('POST', '/api/fhir', 'kayes', bundle);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errorCode: 'FHIR_INVALID', field: 'Bundle.entry[0].resource.gender' });
    expect(bad.json().message).toContain('female');
    const unknownPlace = (await json('GET', `/api/children/${uid}/fhir`, 'kayes')).json();
    unknownPlace.entry[0].resource.id = 'NewChild001';
    unknownPlace.entry[0].resource.identifier[0].value = 'NewChild001';
    unknownPlace.entry[0].resource.managingOrganization.identifier.value = 'FAC_SEGOU_1';
    expect((await json('POST', '/api/fhir', 'kayes', { resourceType: 'Bundle', type: 'collection', entry: [unknownPlace.entry[0]] })).statusCode).toBe(403);
    const unreadable = await json('POST', '/api/fhir', 'kayes', 'not json', { 'content-type': 'application/fhir+json' });
    expect(unreadable.json()).toMatchObject({ httpStatusCode: 400, errorCode: 'FHIR_INVALID', field: 'resourceType', message: 'Ressource FHIR refusée, champ resourceType : n\'est pas une ressource FHIR' });
    const inEnglish = await json('POST', '/api/fhir', 'kayes', 'not json', { 'content-type': 'application/fhir+json', 'accept-language': 'en' });
    expect(inEnglish.json().message).toBe('FHIR resource refused, field resourceType: is not a FHIR resource');
  });
});
