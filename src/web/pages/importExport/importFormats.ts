// The DHIS2 data value formats Denw reads, with the Content-Type that names each one to the
// server (src/store/dataValues/dataValueSource.ts formatOfContentType), and the format of a
// chosen file: by its name, and for `.xml` by its content (ADX declares its namespace,
// urn:ihe:qrph:adx:2015, IHE QRPH ADX Trial Implementation §3.83.4.1.2.1; the DHIS2 XML
// dataValueSet declares http://dhis2.org/schema/dxf/2.0).
import { importStrategies, type ImportStrategy } from '../../../core/dataValueSets/dataValueSet.ts';

export const importFormats = ['json', 'csv', 'xml', 'adx'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const contentTypes: Record<ImportFormat, string> = {
  json: 'application/json',
  csv: 'application/csv',
  xml: 'application/xml',
  adx: 'application/adx+xml',
};

const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

/** The format of a file from its name and the start of its text; undefined when unknown. */
export function detectFormat(fileName: string, start: string): ImportFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.adx') || lower.endsWith('.adx.xml')) return 'adx';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xml')) return start.includes(ADX_NAMESPACE) ? 'adx' : 'xml';
  return undefined;
}

export { importStrategies };
export const atomicModes = ['ALL', 'NONE'] as const;
export const idSchemes = ['code', 'uid'] as const;

export interface ImportOptions {
  format: ImportFormat;
  dryRun: boolean;
  importStrategy: ImportStrategy;
  atomicMode: (typeof atomicModes)[number];
  idScheme: (typeof idSchemes)[number];
}

/** The query string of POST /api/dataValueSets for these options, as DHIS2 names them. */
export function importQuery(options: ImportOptions, asynchronous: boolean): string {
  return new URLSearchParams({
    dryRun: String(options.dryRun),
    importStrategy: options.importStrategy,
    atomicMode: options.atomicMode,
    idScheme: options.idScheme,
    async: String(asynchronous),
  }).toString();
}
