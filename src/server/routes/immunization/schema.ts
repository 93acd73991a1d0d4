// Request schemas of the child registry and vaccination API (one zod schema per input).
import { z } from 'zod';
import { VACCINE_CODES } from '../../../core/immunization/index.ts';
import { UID_PATTERN } from '../../../core/metadata/uid.ts';
import { dayOrUndefined } from '../../../core/periods/calendar.ts';

export const isoDate = z
  .string()
  .refine((text) => dayOrUndefined(text) !== undefined, { params: { reason: 'IMMUNIZATION_DATE_INVALID' } })
  .describe('Date AAAA-MM-JJ / date YYYY-MM-DD');

const name = (max: number) => z.string().trim().min(1).max(max);

export const newChild = z
  .object({
    orgUnit: z.string().min(1).describe("Code de l'aire de santé / health area code"),
    givenName: name(100),
    familyName: name(100),
    sex: z.enum(['F', 'M']),
    birthDate: isoDate,
    motherName: name(200).nullish(),
    village: name(200).nullish(),
  })
  .strict();

export const childSearch = z
  .object({
    orgUnit: z.string().min(1).optional().describe("Sous cette unité d'organisation (code) / under this org unit (code)"),
    q: z.string().max(200).optional().describe("Mots du nom, du nom de la mère ou du village, sans accents ni majuscules / words of the name, mother's name or village, accent- and case-insensitive"),
    birthDate: isoDate.optional(),
  })
  .strict();

export const childParams = z.object({ uid: z.string().regex(UID_PATTERN) }).strict();
export const immunizationParams = z.object({ uid: z.string().regex(UID_PATTERN), id: z.string().regex(UID_PATTERN) }).strict();
export const asOfQuery = z.object({ asOf: isoDate.optional().describe("Jour de l'évaluation (défaut : aujourd'hui) / day assessed (default: today)") }).strict();

export const newDose = z
  .object({
    vaccine: z.enum(VACCINE_CODES as [string, ...string[]]),
    dose: z.number().int().min(0).max(5),
    date: isoDate,
    lotNumber: z.string().trim().min(1).max(50).nullish(),
    orgUnit: z.string().min(1).optional().describe("Lieu de la vaccination (code ; défaut : l'aire de santé de l'enfant) / where given (code; default: the child's health area)"),
  })
  .strict();

export const defaulterQuery = z
  .object({
    orgUnit: z.string().min(1).describe("Code de l'aire de santé / health area code"),
    asOf: isoDate.optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict();

export const sourceQuery = z.object({ orgUnit: z.string().min(1).describe("Code de l'aire de santé / health area code") }).strict();

export const sourceSwitch = z
  .object({
    dataSet: z.string().min(1),
    orgUnit: z.string().min(1),
    from: isoDate.describe('Un jour de la première période concernée / a day of the first period concerned'),
    source: z.enum(['form', 'registry']),
  })
  .strict();
