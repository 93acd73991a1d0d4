// POST /api/metadata keeps a data manager inside its scope (access/policy.ts
// canWriteOrgUnitMetadata): a manager of Kayes (ML01) changes Kayes's org units, population,
// data set assignments and group memberships, and is refused — with an object error naming the
// unit, nothing written — for any of them outside Kayes. The national manager and the
// superuser are not restricted by it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../store/users.ts';
import { describeEachEngineApp, testPassword } from '../../testing/testApp.ts';

const kayesManager = { authorization: `Basic ${Buffer.from(`kayesmanager:${testPassword}`).toString('base64')}`, 'accept-language': 'en' };

const cercle = (code: string, uid: string, name: string, parent: string, extra: object = {}) => ({
  id: uid,
  code,
  name,
  shortName: name,
  parent: { code: parent },
  openingDate: '1977-01-01',
  ...extra,
});

describeEachEngineApp('metadata API: org-unit scope of the writer', (api) => {
  beforeAll(async () => {
    await createUser(api().database, { username: 'kayesmanager', displayName: 'Kayes DM', password: testPassword, role: 'data_manager', scope: ['ML01'] });
  });

  const post = (body: object, query = '') => api().inject({ method: 'POST', url: `/api/metadata${query}`, payload: body, headers: kayesManager });
  const errorsOf = (response: { json(): { response: { typeReports: Array<{ objectReports: Array<{ errorReports: Array<{ errorCode: string; errorProperty?: string; message: string }> }> }> } } }) =>
    response.json().response.typeReports.flatMap((type) => type.objectReports.flatMap((object) => object.errorReports));
  const nameOf = async (code: string) => (await api().database.pool.query('SELECT name, closed_date FROM org_unit WHERE code = $1', [code])).rows[0];

  describe('org units', () => {
    it('refuses renaming and closing a cercle of another region (the audit case), and writes nothing of the document', async () => {
      const response = await post({
        organisationUnits: [
          cercle('ML0101', 'ML0101uid01', 'Kayes (renommé)', 'ML01'),
          cercle('ML0406', 'ML0406uid01', 'Renamed by Kayes DM', 'ML04', { closedDate: '2020-01-01' }),
        ],
      });
      expect(response.statusCode).toBe(409);
      expect(errorsOf(response)).toEqual([
        expect.objectContaining({
          errorCode: 'METADATA_OUT_OF_SCOPE',
          errorProperty: 'id',
          message: 'You cannot change ML0406uid01 (OrganisationUnit): org unit ML0406 is outside your scope; nothing was saved for this object.',
        }),
      ]);
      expect(await nameOf('ML0406')).toEqual({ name: 'Ségou (cercle)', closed_date: null });
      expect((await nameOf('ML0101')).name).toBe('Kayes (cercle)');
    });

    it('renames a cercle of its own region and creates a facility below it', async () => {
      const response = await post({
        organisationUnits: [cercle('ML0101', 'ML0101uid01', 'Kayes', 'ML01'), cercle('FAC_KAYES_3', 'FacKayes003', 'CSCom Kayes Légal Ségou', 'ML0101')],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().response.stats).toMatchObject({ created: 1, updated: 1 });
      expect((await nameOf('ML0101')).name).toBe('Kayes');
    });

    it('refuses moving its own facility into another region, and creating a unit there', async () => {
      const moved = await post({ organisationUnits: [cercle('FAC_KAYES_2', 'FacKayes002', 'CSCom Kayes Ndi', 'ML0406')] });
      expect(errorsOf(moved)).toEqual([expect.objectContaining({ errorCode: 'METADATA_OUT_OF_SCOPE', errorProperty: 'parent' })]);
      expect(errorsOf(moved)[0]!.message).toContain('org unit FAC_KAYES_2 is outside your scope');
      const created = await post({ organisationUnits: [cercle('FAC_SEGOU_9', 'FacSegou009', 'CSCom Ségou 9', 'ML0406')] });
      expect(errorsOf(created)).toEqual([expect.objectContaining({ errorCode: 'METADATA_OUT_OF_SCOPE', errorProperty: 'parent' })]);
      const { rows } = await api().database.pool.query("SELECT p.code FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.code IN ('FAC_KAYES_2', 'FAC_SEGOU_9')");
      expect(rows).toEqual([{ code: 'ML0101' }]);
    });

    it('refuses deleting a unit of another region', async () => {
      const response = await post({ organisationUnits: [cercle('FAC_SEGOU_CLOSED', 'FacSegouCls', 'CSCom fermé', 'ML0406')] }, '?importStrategy=DELETE');
      expect(errorsOf(response)).toEqual([expect.objectContaining({ errorCode: 'METADATA_OUT_OF_SCOPE' })]);
      expect(await nameOf('FAC_SEGOU_CLOSED')).toBeDefined();
    });
  });

  describe('population, data set assignments, group memberships', () => {
    const population = (orgUnit: string, value: number) => ({ orgUnit: { code: orgUnit }, year: 2024, ageGroup: 'TOTAL', sex: 'T', value, source: 'RGPH' });

    it('sets the population of its own units only; with atomicMode=NONE the unit inside is written, the one outside refused', async () => {
      const response = await post({ population: [population('ML0101', 410205), population('ML04', 3000000)] }, '?atomicMode=NONE');
      expect(errorsOf(response)).toEqual([expect.objectContaining({ errorCode: 'METADATA_OUT_OF_SCOPE', errorProperty: 'orgUnit' })]);
      const { rows } = await api().database.pool.query('SELECT o.code, p.value FROM population p JOIN org_unit o ON o.id = p.org_unit_id ORDER BY o.code');
      expect(rows).toEqual([{ code: 'ML0101', value: 410205 }]);
    });

    const epiMonthly = (units: string[]) => ({
      dataSets: [{ id: 'DsEpiMonthl', code: 'EPI_MONTHLY', name: 'PEV mensuel', shortName: 'PEV mensuel', periodType: 'Monthly', organisationUnits: units.map((code) => ({ code })), dataSetElements: [{ dataElement: { code: 'PENTA1' } }] }],
    });
    const assigned = async () =>
      (await api().database.pool.query("SELECT o.code FROM data_set_org_unit a JOIN org_unit o ON o.id = a.org_unit_id JOIN data_set d ON d.id = a.data_set_id WHERE d.code = 'EPI_MONTHLY' ORDER BY o.code")).rows.map((row) => row.code);

    it('refuses a data set sent with its own facilities only (that would drop the other regions), and one adding a unit outside', async () => {
      const before = await assigned();
      const dropping = await post(epiMonthly(['FAC_KAYES_1', 'FAC_KAYES_2']));
      expect(errorsOf(dropping)).toEqual([expect.objectContaining({ errorCode: 'METADATA_OUT_OF_SCOPE', errorProperty: 'organisationUnits' })]);
      expect(errorsOf(dropping)[0]!.message).toMatch(/org unit FAC_SEGOU_(1|CLOSED) is outside your scope/);
      const adding = await post(epiMonthly([...before, 'ML0406']));
      expect(errorsOf(adding)[0]!.message).toContain('org unit ML0406 is outside your scope');
      expect(await assigned()).toEqual(before);
    });

    it('assigns and unassigns its own units, the others kept as they were', async () => {
      const before = await assigned();
      const response = await post(epiMonthly([...before.filter((code) => code !== 'FAC_KAYES_2'), 'FAC_KAYES_3']));
      expect(response.statusCode, response.body).toBe(200);
      expect(await assigned()).toEqual([...before.filter((code) => code !== 'FAC_KAYES_2'), 'FAC_KAYES_3'].sort());
    });

    it('puts only its own units in an org-unit group', async () => {
      const group = (members: string[]) => ({ organisationUnitGroups: [{ code: 'CSCOM_TEST', name: 'CSCom (test)', shortName: 'CSCom', organisationUnits: members.map((code) => ({ code })) }] });
      const refused = await post(group(['FAC_KAYES_1', 'FAC_SEGOU_1']));
      expect(errorsOf(refused)).toEqual([expect.objectContaining({ errorCode: 'METADATA_OUT_OF_SCOPE', errorProperty: 'organisationUnits' })]);
      expect((await post(group(['FAC_KAYES_1', 'FAC_KAYES_3']))).statusCode).toBe(200);
    });
  });

  it('leaves the national manager and the superuser free: the superuser renames a cercle of Ségou and creates a new root', async () => {
    const national = await api().inject({ method: 'POST', url: '/api/metadata', as: 'national', payload: { organisationUnits: [cercle('ML0406', 'ML0406uid01', 'Ségou', 'ML04')] } });
    expect(national.statusCode, national.body).toBe(200);
    const root = { id: 'NewRoot0001', code: 'ROOT2', name: 'Autre racine', shortName: 'Autre racine', openingDate: '2000-01-01' };
    const admin = await api().inject({ method: 'POST', url: '/api/metadata', as: 'admin', payload: { organisationUnits: [root] } });
    expect(admin.statusCode, admin.body).toBe(200);
    expect((await nameOf('ML0406')).name).toBe('Ségou');
  });
});
