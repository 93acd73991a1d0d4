// Demonstration children for the registry pages: a few hundred under-twos in the first demo
// health areas, vaccinated on Mali's schedule a few days late at each visit, some stopping
// along the way (the defaulter list has children due, overdue and lost to follow-up). Tagged
// source 'demo' like the rest of the demonstration dataset (removeDemo deletes them).
import { addAge } from '../../core/immunization/index.ts';
import { formatDay, parseDay } from '../../core/periods/calendar.ts';
import { parsePeriod } from '../../core/periods/periods.ts';
import { seededRandom } from '../../core/random.ts';
import { maliImmunizationSchedule } from '../../programmes/immunization/schedule.ts';
import { registerChild } from '../children/children.ts';
import type { Database } from '../database.ts';
import { inTransaction } from '../transaction.ts';
import { recordDoses, type NewDose } from './immunizations.ts';

const GIVEN = { F: ['Awa', 'Fatoumata', 'Mariam', 'Aminata', 'Kadiatou', 'Oumou', 'Assitan', 'Rokia'], M: ['Moussa', 'Adama', 'Bakary', 'Seydou', 'Mamadou', 'Ibrahim', 'Drissa', 'Souleymane'] };
const FAMILY = ['Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Sangaré', 'Diallo', 'Konaté', 'Dembélé', 'Sidibé', 'Touré'];
const VILLAGES = ['Sébénikoro', 'Kalaban-Coro', 'Niamana', 'Dialakorobougou', 'Sanankoroba'];

/** Registers `perArea` children in each org unit, with their doses up to the end of `lastMonth` (YYYYMM). */
export async function seedDemoChildren(database: Database, { orgUnitIds, lastMonth, perArea = 75, seed = 2026 }: { orgUnitIds: readonly number[]; lastMonth: string; perArea?: number; seed?: number }): Promise<number> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const end = parseDay(parsePeriod(lastMonth).endDate);
  // The doses every child of a non-malaria district receives, in visit order.
  const doses = maliImmunizationSchedule.doses.filter((dose) => !dose.sex && !dose.districts);
  let registered = 0;
  for (const orgUnitId of orgUnitIds) {
    // One transaction per health area: a server loading the demo keeps answering between them.
    await inTransaction(database, async (client) => {
      for (let n = 0; n < perArea; n++) {
        const sex = random() < 0.5 ? 'F' : 'M';
        const birth = end - Math.floor(random() * 730);
        const child = await registerChild(client, {
          orgUnitId,
          givenName: pick(GIVEN[sex]),
          familyName: pick(FAMILY),
          sex,
          birthDate: formatDay(birth),
          motherName: `${pick(GIVEN.F)} ${pick(FAMILY)}`,
          village: pick(VILLAGES),
          createdBy: 'denw-demo',
          source: 'demo',
        });
        // Each visit a few days after the recommended age; about one child in ten stops at each visit.
        const given: NewDose[] = [];
        let delay = 0;
        let visitAge = -1;
        const byAge = doses.map((dose) => ({ dose, recommended: addAge(birth, dose.recommendedAge) })).sort((a, b) => a.recommended - b.recommended);
        for (const { dose, recommended } of byAge) {
          if (recommended - birth !== visitAge) {
            visitAge = recommended - birth;
            if (given.length > 0 && random() < 0.1) break;
            delay += Math.floor(random() * 10);
          }
          const day = recommended + delay;
          if (day > end) break;
          given.push({ vaccine: dose.vaccine, dose: dose.dose, date: formatDay(day), createdBy: 'denw-demo', source: 'demo' });
        }
        await recordDoses(client, child, given, 'denw-demo');
        registered++;
      }
    });
  }
  return registered;
}
