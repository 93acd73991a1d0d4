// Mali's routine schedule through the schedule engine: every antigen and dose, minimum ages and
// intervals, early (invalid) doses, catch-up, introductions by date, sex, district, month-end and
// leap-year birth dates. Every date is worked by hand from the schedule's definition
// (schedule.ts) and the date rules of src/core/immunization/ages.ts; the working is in the names
// and comments.
import { describe, expect, it } from 'vitest';
import { addAge, assessSchedule, type DoseAssessment, type DoseGiven, type ScheduleSubject } from '../../core/immunization/index.ts';
import { parseDay } from '../../core/periods/calendar.ts';
import { maliImmunizationSchedule, R21_INTRODUCING_CERCLES, SCHEDULED_DOSES } from './schedule.ts';

const KATI = 'ML0204'; // introduced R21 (Kalaban-Coro health district)
const BAFOULABE = 'ML0101'; // not in the list of introducing cercles

function assess(child: Partial<ScheduleSubject> & { birthDate: string }, asOf: string): Record<string, DoseAssessment> {
  const subject: ScheduleSubject = { sex: 'F', districtCode: KATI, doses: [], ...child };
  return Object.fromEntries(assessSchedule(maliImmunizationSchedule, subject, asOf).map((a) => [`${a.vaccine}${a.dose}`, a]));
}
const given = (spec: string): DoseGiven[] =>
  spec.split(' ').map((item) => {
    const [vaccine, dose, date] = item.split(':');
    return { vaccine: vaccine as DoseGiven['vaccine'], dose: Number(dose), date: date! };
  });
const dates = (a: DoseAssessment | undefined) => [a?.status, a?.dueDate, a?.overdueDate];

describe("Mali's schedule (data)", () => {
  it('lists the doses of issue 4 in series order, and the EPI package counts exactly those', () => {
    const codes = maliImmunizationSchedule.doses.map((d) => `${d.vaccine}${d.dose}`);
    expect(codes).toEqual([
      'BCG1', 'OPV0', 'OPV1', 'OPV2', 'OPV3', 'PENTA1', 'PENTA2', 'PENTA3', 'PCV1', 'PCV2', 'PCV3', 'ROTA1', 'ROTA2', 'ROTA3',
      'IPV1', 'IPV2', 'MR1', 'MR2', 'YF1', 'MENA1', 'HPV1', 'MALARIA1', 'MALARIA2', 'MALARIA3', 'MALARIA4', 'MALARIA5',
    ]);
    // Single-dose vaccines keep their data element codes without a number (EPI_BCG, EPI_YF …).
    expect(SCHEDULED_DOSES.map((d) => `${d.vaccine}${d.dose ?? ''}`)).toEqual(codes.map((c) => c.replace(/^(BCG|YF|MENA|HPV)1$/, '$1')));
    expect(R21_INTRODUCING_CERCLES).toContain(KATI);
  });
});

describe("Mali's schedule (consistency of the data)", () => {
  const doses = maliImmunizationSchedule.doses;
  it.each(['2025-01-01', '2024-02-29', '2025-01-31', '2024-08-31'])('born %s: minimum age ≤ recommended age < maximum age for every dose', (birthDate) => {
    const birth = parseDay(birthDate);
    for (const d of doses) {
      expect(addAge(birth, d.minimumAge), `${d.vaccine}${d.dose}`).toBeLessThanOrEqual(addAge(birth, d.recommendedAge));
      expect(addAge(birth, d.recommendedAge), `${d.vaccine}${d.dose}`).toBeLessThan(addAge(birth, d.maximumAge));
    }
  });
  // Exact for intervals in weeks; an interval in months (R21 doses 4 and 5: 6 months) lands up to
  // 3 days apart depending on the order months and weeks are added (31-day vs 28-day months) —
  // the interval rule itself is checked from the previous dose's date, so the minimum age only
  // needs to be close.
  it.each(['2025-01-01', '2024-02-29', '2025-01-31', '2024-08-31'])('born %s: a dose with an interval has a minimum age ≥ the previous minimum age + the interval', (birthDate) => {
    const birth = parseDay(birthDate);
    for (const d of doses.filter((dose) => dose.minimumInterval)) {
      const previous = doses.find((p) => p.vaccine === d.vaccine && p.dose === d.dose - 1)!;
      const slack = d.minimumInterval!.months ? 3 : 0;
      expect(addAge(birth, d.minimumAge) + slack, `${d.vaccine}${d.dose}`).toBeGreaterThanOrEqual(addAge(addAge(birth, previous.minimumAge), d.minimumInterval!));
    }
  });
});

describe('a girl born 1 January 2025 in Kati, nothing given yet, on the day of birth', () => {
  // 6 weeks = 12 Feb, 10 weeks = 12 Mar, 14 weeks = 9 Apr 2025; 5, 6, 7, 9 months = 1 Jun, 1 Jul,
  // 1 Aug, 1 Oct 2025; 15 months = 1 Apr 2026; 10 years = 1 Jan 2035. Overdue = due + 28 days.
  const card = assess({ birthDate: '2025-01-01' }, '2025-01-01');
  it.each([
    ['BCG1', 'due', '2025-01-01', '2025-01-29'],
    ['OPV0', 'due', '2025-01-01', '2025-01-29'],
    ['OPV1', 'not_due', '2025-02-12', '2025-03-12'],
    ['OPV2', 'not_due', '2025-03-12', '2025-04-09'],
    ['OPV3', 'not_due', '2025-04-09', '2025-05-07'],
    ['PENTA1', 'not_due', '2025-02-12', '2025-03-12'],
    ['PENTA2', 'not_due', '2025-03-12', '2025-04-09'],
    ['PENTA3', 'not_due', '2025-04-09', '2025-05-07'],
    ['PCV1', 'not_due', '2025-02-12', '2025-03-12'],
    ['PCV2', 'not_due', '2025-03-12', '2025-04-09'],
    ['PCV3', 'not_due', '2025-04-09', '2025-05-07'],
    ['ROTA1', 'not_due', '2025-02-12', '2025-03-12'],
    ['ROTA2', 'not_due', '2025-03-12', '2025-04-09'],
    ['ROTA3', 'not_due', '2025-04-09', '2025-05-07'],
    ['IPV1', 'not_due', '2025-04-09', '2025-05-07'],
    // 9 months (1 Oct) is later than IPV1 + 8 weeks (4 Jun).
    ['IPV2', 'not_due', '2025-10-01', '2025-10-29'],
    ['MR1', 'not_due', '2025-10-01', '2025-10-29'],
    // 15 months (1 Apr 2026) is later than MR1 + 4 weeks (29 Oct 2025).
    ['MR2', 'not_due', '2026-04-01', '2026-04-29'],
    ['YF1', 'not_due', '2025-10-01', '2025-10-29'],
    ['MENA1', 'not_due', '2025-10-01', '2025-10-29'],
    ['HPV1', 'not_due', '2035-01-01', '2035-01-29'],
    ['MALARIA1', 'not_due', '2025-06-01', '2025-06-29'],
    // 6 months (1 Jul) is later than dose 1 + 4 weeks (29 Jun); 7 months (1 Aug) later than 29 Jul.
    ['MALARIA2', 'not_due', '2025-07-01', '2025-07-29'],
    ['MALARIA3', 'not_due', '2025-08-01', '2025-08-29'],
    // Dose 3 + 6 months = 1 Feb 2026 (later than the minimum age 11 months + 8 weeks = 26 Jan 2026),
    // outside May–June: the next season starts 1 May 2026.
    ['MALARIA4', 'not_due', '2026-05-01', '2026-05-29'],
    // Dose 4 + 1 year = 1 May 2027, in season.
    ['MALARIA5', 'not_due', '2027-05-01', '2027-05-29'],
  ])('%s: %s from %s, overdue from %s', (dose, status, due, overdue) => {
    expect(card[dose]).toEqual({ vaccine: expect.any(String), dose: expect.any(Number), status, dueDate: due, overdueDate: overdue, validDate: null, givenDate: null });
  });
  it('gives one assessment per dose of the schedule, in its order', () => {
    expect(Object.keys(card)).toHaveLength(26);
  });
});

describe('status over time (Penta 1, due at 6 weeks = 12 Feb 2025, for a child born 1 Jan 2025)', () => {
  const penta1 = (asOf: string) => assess({ birthDate: '2025-01-01' }, asOf).PENTA1?.status;
  it('not_due before the recommended age, due from it, overdue 4 weeks later, too_late from the 5th birthday', () => {
    expect(penta1('2025-02-11')).toBe('not_due');
    expect(penta1('2025-02-12')).toBe('due');
    expect(penta1('2025-03-11')).toBe('due');
    expect(penta1('2025-03-12')).toBe('overdue');
    expect(penta1('2029-12-31')).toBe('overdue');
    expect(penta1('2030-01-01')).toBe('too_late');
  });
  it('rotavirus is too late from 24 months (1 Jan 2027), BCG from 5 years, OPV0 from day 14 (15 Jan 2025)', () => {
    expect(assess({ birthDate: '2025-01-01' }, '2026-12-31').ROTA1?.status).toBe('overdue');
    expect(dates(assess({ birthDate: '2025-01-01' }, '2027-01-01').ROTA1)).toEqual(['too_late', '2025-02-12', '2025-03-12']);
    expect(assess({ birthDate: '2025-01-01' }, '2029-12-31').BCG1?.status).toBe('overdue');
    expect(assess({ birthDate: '2025-01-01' }, '2030-01-01').BCG1?.status).toBe('too_late');
    expect(assess({ birthDate: '2025-01-01' }, '2025-01-14').OPV0?.status).toBe('due');
    expect(assess({ birthDate: '2025-01-01' }, '2025-01-15').OPV0?.status).toBe('too_late');
  });
  it('a dose recorded after asOf is not seen', () => {
    expect(assess({ birthDate: '2025-01-01', doses: given('PENTA:1:2025-02-20') }, '2025-02-19').PENTA1?.status).toBe('due');
  });
});

describe('a child vaccinated on time', () => {
  const doses = given(
    'BCG:1:2025-01-01 OPV:0:2025-01-01 OPV:1:2025-02-12 PENTA:1:2025-02-12 PCV:1:2025-02-12 ROTA:1:2025-02-12 ' +
      'OPV:2:2025-03-12 PENTA:2:2025-03-12 PCV:2:2025-03-12 ROTA:2:2025-03-12 ' +
      'OPV:3:2025-04-09 PENTA:3:2025-04-09 PCV:3:2025-04-09 ROTA:3:2025-04-09 IPV:1:2025-04-09 ' +
      'MALARIA:1:2025-06-01 MALARIA:2:2025-07-01 MALARIA:3:2025-08-01 ' +
      'IPV:2:2025-10-01 MR:1:2025-10-01 YF:1:2025-10-01 MENA:1:2025-10-01 MR:2:2026-04-01 MALARIA:4:2026-05-20',
  );
  const card = assess({ birthDate: '2025-01-01', doses }, '2026-06-01');
  it('has every dose given on its recorded date, with the date it was due', () => {
    for (const d of doses) {
      const a = card[`${d.vaccine}${d.dose}`];
      expect([a?.status, a?.validDate, a?.givenDate]).toEqual(['given', d.date, d.date]);
    }
    expect(card.PENTA3?.dueDate).toBe('2025-04-09');
  });
  it('has R21 dose 5 due one year after dose 4 (20 May 2027, in season), HPV at 10 years', () => {
    expect(dates(card.MALARIA5)).toEqual(['not_due', '2027-05-20', '2027-06-17']);
    expect(dates(card.HPV1)).toEqual(['not_due', '2035-01-01', '2035-01-29']);
  });
});

describe('doses given too early are recorded but invalid, and repeated', () => {
  it('before the minimum age: Penta 1 at 41 days (6 weeks = 12 Feb) is invalid; repeat due 28 days after it (11 Mar)', () => {
    const card = assess({ birthDate: '2025-01-01', doses: given('PENTA:1:2025-02-11') }, '2025-03-01');
    expect(card.PENTA1).toMatchObject({ status: 'invalid', givenDate: '2025-02-11', validDate: null, dueDate: '2025-03-11', overdueDate: '2025-04-08' });
    // Penta 2 waits for a valid Penta 1: projected from the repeat (11 Mar) + 4 weeks = 8 Apr.
    expect(dates(card.PENTA2)).toEqual(['not_due', '2025-04-08', '2025-05-06']);
    const repeated = assess({ birthDate: '2025-01-01', doses: given('PENTA:1:2025-02-11 PENTA:1:2025-03-11') }, '2025-03-12');
    expect(repeated.PENTA1).toMatchObject({ status: 'given', validDate: '2025-03-11', givenDate: '2025-03-11', dueDate: '2025-02-12' });
    expect(dates(repeated.PENTA2)).toEqual(['not_due', '2025-04-08', '2025-05-06']);
  });
  it('two early attempts: the last one is shown and the repeat is spaced from it (10 Feb + 28 days = 10 Mar)', () => {
    const card = assess({ birthDate: '2025-01-01', doses: given('PENTA:1:2025-02-10 PENTA:1:2025-02-01') }, '2025-02-20');
    expect(card.PENTA1).toMatchObject({ status: 'invalid', givenDate: '2025-02-10', dueDate: '2025-03-10', overdueDate: '2025-04-07' });
  });
  it('before the minimum interval: Penta 1 on 1 Mar, Penta 2 on 20 Mar (19 days later, though 11 weeks old) is invalid', () => {
    const card = assess({ birthDate: '2025-01-01', doses: given('PENTA:1:2025-03-01 PENTA:2:2025-03-20') }, '2025-04-01');
    expect(card.PENTA1?.status).toBe('given');
    // Repeat: latest of 10 weeks (12 Mar), Penta 1 + 4 weeks (29 Mar), the invalid dose + 4 weeks (17 Apr).
    expect(card.PENTA2).toMatchObject({ status: 'invalid', givenDate: '2025-03-20', dueDate: '2025-04-17', overdueDate: '2025-05-15' });
    // Penta 3: latest of 14 weeks (9 Apr) and Penta 2's projected day (17 Apr) + 4 weeks = 15 May.
    expect(dates(card.PENTA3)).toEqual(['not_due', '2025-05-15', '2025-06-12']);
  });
  it('IPV 2 needs 8 weeks after IPV 1: IPV 1 on 1 Sep, IPV 2 on 1 Oct (9 months, 30 days later) is invalid', () => {
    const card = assess({ birthDate: '2025-01-01', doses: given('IPV:1:2025-09-01 IPV:2:2025-10-01') }, '2025-10-02');
    // Repeat: latest of 9 months (1 Oct), IPV 1 + 56 days (27 Oct), the invalid dose + 28 days (29 Oct).
    expect(card.IPV2).toMatchObject({ status: 'invalid', givenDate: '2025-10-01', dueDate: '2025-10-29' });
  });
  it('MR 2 needs 4 weeks after MR 1: MR 1 on 20 Mar 2026, MR 2 on 1 Apr 2026 (15 months, 12 days later) is invalid', () => {
    const card = assess({ birthDate: '2025-01-01', doses: given('MR:1:2026-03-20 MR:2:2026-04-01') }, '2026-04-02');
    expect(card.MR1?.status).toBe('given');
    // Repeat: latest of 15 months (1 Apr), MR 1 + 28 days (17 Apr), the invalid dose + 28 days (29 Apr).
    expect(card.MR2).toMatchObject({ status: 'invalid', dueDate: '2026-04-29', overdueDate: '2026-05-27' });
  });
  it('MR 1, yellow fever and MenA the day before 9 months are invalid; on the day they are valid', () => {
    const card = assess({ birthDate: '2024-08-31', doses: given('MR:1:2025-05-30 YF:1:2025-05-30 MENA:1:2025-05-31') }, '2025-06-01');
    expect([card.MR1?.status, card.YF1?.status, card.MENA1?.status]).toEqual(['invalid', 'invalid', 'given']);
  });
  it('R21 dose 4 less than 6 months after dose 3 is invalid; the repeat waits for the next May', () => {
    const doses = given('MALARIA:1:2025-06-01 MALARIA:2:2025-07-01 MALARIA:3:2025-08-01 MALARIA:4:2026-01-15');
    const card = assess({ birthDate: '2025-01-01', doses }, '2026-02-01');
    // Latest of dose 3 + 6 months (1 Feb 2026) and the invalid dose + 28 days (12 Feb), moved to 1 May.
    expect(card.MALARIA4).toMatchObject({ status: 'invalid', givenDate: '2026-01-15', dueDate: '2026-05-01' });
  });
});

describe('catch-up: a child first seen at 7 months (born 1 Jan 2025, seen 1 Aug 2025, outside R21 districts)', () => {
  const card = assess({ birthDate: '2025-01-01', districtCode: BAFOULABE }, '2025-08-01');
  it('has the first doses overdue and the next ones projected at minimum intervals from today (WHO: resume, do not restart)', () => {
    expect(dates(card.BCG1)).toEqual(['overdue', '2025-01-01', '2025-01-29']);
    expect(dates(card.OPV0)).toEqual(['too_late', '2025-01-01', '2025-01-29']);
    for (const vaccine of ['OPV', 'PENTA', 'PCV', 'ROTA']) {
      expect(dates(card[`${vaccine}1`])).toEqual(['overdue', '2025-02-12', '2025-03-12']);
      expect(dates(card[`${vaccine}2`])).toEqual(['not_due', '2025-08-29', '2025-09-26']);
      expect(dates(card[`${vaccine}3`])).toEqual(['not_due', '2025-09-26', '2025-10-24']);
    }
    expect(dates(card.IPV1)).toEqual(['overdue', '2025-04-09', '2025-05-07']);
    expect(dates(card.IPV2)).toEqual(['not_due', '2025-10-01', '2025-10-29']);
    expect(card.MALARIA1?.status).toBe('not_eligible');
  });
  it('once the first doses are given that day, the second ones are due 4 weeks later', () => {
    const seen = assess({ birthDate: '2025-01-01', districtCode: BAFOULABE, doses: given('BCG:1:2025-08-01 PENTA:1:2025-08-01 ROTA:1:2025-08-01') }, '2025-08-01');
    expect(seen.BCG1?.status).toBe('given');
    expect(dates(seen.PENTA2)).toEqual(['not_due', '2025-08-29', '2025-09-26']);
  });
  it('a series that cannot be completed before the maximum age: first seen at 23 months, Rota 3 is too late', () => {
    const late = assess({ birthDate: '2025-01-01' }, '2026-12-01');
    expect(dates(late.ROTA1)).toEqual(['overdue', '2025-02-12', '2025-03-12']);
    expect(dates(late.ROTA2)).toEqual(['not_due', '2026-12-29', '2027-01-26']);
    // 29 Dec 2026 + 28 days = 26 Jan 2027, after the 2nd birthday (1 Jan 2027).
    expect(dates(late.ROTA3)).toEqual(['too_late', null, null]);
  });
});

describe('schedule changes by date', () => {
  it('MR (26 July 2024): MR1 targets children under 12 months on that day, MR2 children under 24 months', () => {
    // Born 1 Jun 2023: 13 months old on 26 Jul 2024 (measles-only at 9 months), MR2 due at 15 months (1 Sep 2024).
    const before = assess({ birthDate: '2023-06-01' }, '2024-09-15');
    expect(dates(before.MR1)).toEqual(['not_eligible', null, null]);
    expect(dates(before.MR2)).toEqual(['due', '2024-09-01', '2024-09-29']);
    // Born 1 Oct 2023: 9 months on 1 Jul 2024, before MR existed: due on the introduction day.
    expect(dates(assess({ birthDate: '2023-10-01' }, '2024-08-01').MR1)).toEqual(['due', '2024-07-26', '2024-08-23']);
    // Born 1 Jan 2024: 9 months on 1 Oct 2024, after the introduction.
    expect(dates(assess({ birthDate: '2024-01-01' }, '2024-08-01').MR1)).toEqual(['not_due', '2024-10-01', '2024-10-29']);
    // Exactly 12 months old on 26 Jul 2024 (born 26 Jul 2023): no longer in the target; a day younger:
    // in it, due from the introduction day (later than 9 months, 27 Apr 2024).
    expect(assess({ birthDate: '2023-07-26' }, '2024-08-01').MR1?.status).toBe('not_eligible');
    expect(dates(assess({ birthDate: '2023-07-27' }, '2024-08-01').MR1)).toEqual(['due', '2024-07-26', '2024-08-23']);
  });
  it('HPV (1 November 2024): girls aged 10 on that day, and every girl reaching 10 later', () => {
    // Born 1 Jan 2014: 10 years 10 months on 1 Nov 2024; due that day.
    expect(dates(assess({ birthDate: '2014-01-01' }, '2024-12-01').HPV1)).toEqual(['overdue', '2024-11-01', '2024-11-29']);
    // Born 1 Nov 2013: 11 on 1 Nov 2024, not targeted; born a day later: 10, targeted.
    expect(assess({ birthDate: '2013-11-01' }, '2024-12-01').HPV1?.status).toBe('not_eligible');
    expect(assess({ birthDate: '2013-11-02' }, '2024-12-01').HPV1?.status).toBe('overdue');
    expect(dates(assess({ birthDate: '2016-05-10' }, '2024-12-01').HPV1)).toEqual(['not_due', '2026-05-10', '2026-06-07']);
    // Too late from the 15th birthday (1 Jan 2029).
    expect(assess({ birthDate: '2014-01-01' }, '2028-12-31').HPV1?.status).toBe('overdue');
    expect(assess({ birthDate: '2014-01-01' }, '2029-01-01').HPV1?.status).toBe('too_late');
  });
  it('HPV for boys is not eligible; before 9 years it is invalid', () => {
    expect(assess({ birthDate: '2014-01-01', sex: 'M' }, '2024-12-01').HPV1?.status).toBe('not_eligible');
    const early = assess({ birthDate: '2016-05-10', doses: given('HPV:1:2025-05-09') }, '2025-06-01');
    // 9 years on 10 May 2025; the repeat is due at 10 years (10 May 2026), later than 28 days after.
    expect(early.HPV1).toMatchObject({ status: 'invalid', givenDate: '2025-05-09', dueDate: '2026-05-10' });
  });
  it('R21 (25 April 2025): children under 36 months on that day, in the introducing districts only', () => {
    // Born 15 Jun 2024: 5 months on 15 Nov 2024, before the launch: dose 1 due on the launch day.
    expect(dates(assess({ birthDate: '2024-06-15' }, '2025-05-01').MALARIA1)).toEqual(['due', '2025-04-25', '2025-05-23']);
    expect(assess({ birthDate: '2022-04-25' }, '2025-05-01').MALARIA1?.status).toBe('not_eligible');
    expect(assess({ birthDate: '2022-04-26' }, '2025-05-01').MALARIA1?.status).toBe('due');
    for (const districtCode of [BAFOULABE, undefined]) {
      const card = assess({ birthDate: '2025-01-01', districtCode }, '2025-06-01');
      expect([1, 2, 3, 4, 5].map((n) => card[`MALARIA${n}`]?.status)).toEqual(Array(5).fill('not_eligible'));
    }
  });
});

describe('month-end and leap-year birth dates', () => {
  it('born 29 February 2024: 6 weeks = 11 Apr, 9 months = 29 Nov 2024, 15 months = 29 May 2025, 2 years = 28 Feb 2026', () => {
    const card = assess({ birthDate: '2024-02-29' }, '2024-03-01');
    expect(card.PENTA1?.dueDate).toBe('2024-04-11');
    expect(card.MR1?.dueDate).toBe('2024-11-29');
    expect(card.MR2?.dueDate).toBe('2025-05-29');
    expect(card.HPV1?.dueDate).toBe('2034-02-28');
    expect(assess({ birthDate: '2024-02-29' }, '2026-02-27').ROTA1?.status).toBe('overdue');
    expect(assess({ birthDate: '2024-02-29' }, '2026-02-28').ROTA1?.status).toBe('too_late');
    expect(assess({ birthDate: '2024-02-29' }, '2029-02-27').PENTA1?.status).toBe('overdue');
    expect(assess({ birthDate: '2024-02-29' }, '2029-02-28').PENTA1?.status).toBe('too_late');
  });
  it('born 29 February 2024: MR 2 from 9 months + 4 weeks = 29 Nov + 28 days = 27 Dec 2024', () => {
    const card = assess({ birthDate: '2024-02-29', doses: given('MR:1:2024-11-29 MR:2:2024-12-26') }, '2025-01-01');
    expect(card.MR2).toMatchObject({ status: 'invalid', givenDate: '2024-12-26' });
    expect(assess({ birthDate: '2024-02-29', doses: given('MR:1:2024-11-29 MR:2:2024-12-27') }, '2025-01-01').MR2?.status).toBe('given');
  });
  it('born 31 January 2025: 5, 6, 7, 9, 15 months = 30 Jun, 31 Jul, 31 Aug, 31 Oct 2025, 30 Apr 2026', () => {
    const card = assess({ birthDate: '2025-01-31' }, '2025-01-31');
    expect([1, 2, 3].map((n) => card[`MALARIA${n}`]?.dueDate)).toEqual(['2025-06-30', '2025-07-31', '2025-08-31']);
    expect([card.MR1?.dueDate, card.MR2?.dueDate]).toEqual(['2025-10-31', '2026-04-30']);
  });
  it('born 31 August 2024: 9 months = 31 May 2025, 15 months = 30 Nov 2025; R21 dose 2 after the launch + 4 weeks', () => {
    const card = assess({ birthDate: '2024-08-31' }, '2025-04-01');
    expect([card.MR1?.dueDate, card.MR2?.dueDate]).toEqual(['2025-05-31', '2025-11-30']);
    // Dose 1 due at the launch (25 Apr 2025, later than 5 months = 31 Jan); dose 2 = 25 Apr + 28 days = 23 May.
    expect([card.MALARIA1?.dueDate, card.MALARIA2?.dueDate]).toEqual(['2025-04-25', '2025-05-23']);
  });
});
