// Synthetic health areas for the demonstration data: a number of facilities shared among
// the cercles in proportion to their population (largest-remainder apportionment, so the
// counts add up exactly), each clearly named as a demonstration unit. Real facility lists
// (the 1,368 functional CSComs of SNIS 2018, data/mali/mli_health_system_facts.csv) replace
// them in a real deployment; `denw seed --remove-demo` deletes them with their data.
import { apportion } from '../geography/apportion.ts';

export interface Cercle {
  code: string;
  name: string;
  population: number;
}

export interface DemoFacility {
  code: string;
  name: string;
  parentCode: string;
  /** Population of the facility's health area (the cercle's population shared equally). */
  population: number;
}

export const demoCodePrefix = 'DEMO_';

export function demoFacilities(cercles: readonly Cercle[], count: number): DemoFacility[] {
  const perCercle = apportion(count, cercles.map((cercle) => cercle.population));
  return cercles.flatMap((cercle, index) => {
    const n = Math.max(perCercle[index] ?? 0, 1);
    return Array.from({ length: n }, (_, i) => ({
      code: `${demoCodePrefix}${cercle.code}_${String(i + 1).padStart(2, '0')}`,
      name: `CSCom ${cercle.name} ${i + 1} (démo)`,
      parentCode: cercle.code,
      population: Math.round(cercle.population / n),
    }));
  });
}
