// Registering a child and finding it again as a vaccinator does: by a piece of its name, its
// mother's name or its village, however the accents and capitals were typed, and by birth date,
// never outside the caller's scope.
import { beforeAll, expect, it } from 'vitest';
import { DenwError } from '../../core/errors.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { findChildren, getChild, publicChild, registerChild } from './children.ts';

describeEachEngine('child registry', (database) => {
  const paths = new Map<string, string>();
  const ids = new Map<string, number>();
  beforeAll(async () => {
    await insertFixtures(database());
    const { rows } = await database().pool.query<{ code: string; id: number; path: string }>('SELECT code, id, path FROM org_unit');
    for (const row of rows) {
      paths.set(row.code, row.path);
      ids.set(row.code, row.id);
    }
    const register = (orgUnit: string, givenName: string, familyName: string, sex: 'F' | 'M', birthDate: string, motherName: string | null, village: string | null) =>
      registerChild(database().pool, { orgUnitId: ids.get(orgUnit)!, givenName, familyName, sex, birthDate, motherName, village, createdBy: 'vaccinateur' });
    await register('FAC_KAYES_1', 'Fatoumata', 'Traoré', 'F', '2024-01-10', 'Aminata Diarra', 'Kalaban-Coro');
    await register('FAC_KAYES_2', 'Moussa', 'TRAORE', 'M', '2024-03-02', 'Kadiatou Sidibé', 'Ndi');
    await register('FAC_SEGOU_1', 'Awa', 'Kéita', 'F', '2024-01-10', null, 'Pélengana');
  });
  const names = (children: Array<{ givenName: string }>) => children.map((child) => child.givenName);
  const everywhere = () => [paths.get('ML')!];

  it('registers a child with a DHIS2-style UID and reads it back as the API shows it', async () => {
    const [fatoumata] = await findChildren(database().pool, { scopePaths: everywhere(), q: 'Fatoumata' });
    expect(fatoumata!.uid).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
    const child = await getChild(database().pool, fatoumata!.uid);
    expect(publicChild(child!)).toEqual({
      uid: fatoumata!.uid,
      orgUnit: { code: 'FAC_KAYES_1', name: 'CSCom Kayes Plateau' },
      givenName: 'Fatoumata',
      familyName: 'Traoré',
      sex: 'F',
      birthDate: '2024-01-10',
      motherName: 'Aminata Diarra',
      village: 'Kalaban-Coro',
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // The district of the schedule engine: the cercle above the health area.
    expect(child!.districtCode).toBe('ML0101');
  });

  it('finds by name, mother’s name and village without accents or case, every word matching', async () => {
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), q: 'traore' }))).toEqual(['Fatoumata', 'Moussa']);
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), q: 'TRAORÉ' }))).toEqual(['Fatoumata', 'Moussa']);
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), q: 'sidibe' }))).toEqual(['Moussa']);
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), q: 'pelengana' }))).toEqual(['Awa']);
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), q: 'fatou kalaban' }))).toEqual(['Fatoumata']);
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), q: 'keita moussa' }))).toEqual([]);
    // A % or _ typed in the search is a character, not a wildcard.
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), q: '%' }))).toEqual([]);
  });

  it('finds by birth date and under an org unit', async () => {
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), birthDate: '2024-01-10' }))).toEqual(['Awa', 'Fatoumata']);
    expect(names(await findChildren(database().pool, { scopePaths: everywhere(), orgUnitPath: paths.get('ML0101') }))).toEqual(['Fatoumata', 'Moussa']);
  });

  it('never returns a child outside the caller’s scope', async () => {
    expect(names(await findChildren(database().pool, { scopePaths: [paths.get('ML04')!], q: 'a' }))).toEqual(['Awa']);
    expect(await findChildren(database().pool, { scopePaths: [], q: 'a' })).toEqual([]);
  });

  it('refuses a UID already taken', async () => {
    const [awa] = await findChildren(database().pool, { scopePaths: everywhere(), q: 'awa' });
    const again = registerChild(database().pool, { uid: awa!.uid, orgUnitId: ids.get('FAC_SEGOU_1')!, givenName: 'Awa', familyName: 'Kéita', sex: 'F', birthDate: '2024-01-10', createdBy: null });
    await expect(again).rejects.toEqual(new DenwError('CHILD_EXISTS', { uid: awa!.uid }, 'uid'));
  });
});
