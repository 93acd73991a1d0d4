// Turns an import body or file into what the import pipeline consumes: the header, the
// values in batches, and the values that could not even be read. CSV is read incrementally
// (text or UTF-8 byte chunks of any size); JSON and XML are parsed whole.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DataValueConflict } from '../../core/dataValueSets/conflicts.ts';
import { DataValueCsvReader } from '../../core/dataValueSets/csvDataValueSet.ts';
import type { DataValueInput, DataValueSetHeader } from '../../core/dataValueSets/dataValueSet.ts';
import { readDataValueJson } from '../../core/dataValueSets/jsonDataValueSet.ts';
import { readAdx, readDxf2Xml, type CompletionInput, type XmlElement } from '../../core/dataValueSets/xmlDataValueSet.ts';
import { DenwError } from '../../core/errors.ts';

export type DataValueFormat = 'json' | 'csv' | 'xml' | 'adx';

export interface DataValueSource {
  header: DataValueSetHeader;
  /** Values in reading order, in batches. */
  batches: AsyncIterable<DataValueInput[]>;
  /** Values refused while reading (not an object, a field that is not text). */
  conflicts: DataValueConflict[];
  /** Data sets to mark complete (ADX groups with a completeDate). */
  completions: CompletionInput[];
}

/** The format a Content-Type names (DHIS2 accepts both spellings of the ADX type). */
export function formatOfContentType(contentType: string | undefined): DataValueFormat | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/csv' || type === 'text/csv') return 'csv';
  if (type === 'application/adx+xml' || type === 'application/xml+adx') return 'adx';
  if (type === 'application/xml' || type === 'text/xml') return 'xml';
  return undefined;
}

/** The format of a file by its name (`.json`, `.csv`, `.xml`; `.adx` or `.adx.xml` for ADX). */
export function formatOfFileName(name: string): DataValueFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.adx') || lower.endsWith('.adx.xml')) return 'adx';
  const extension = /\.(json|csv|xml)$/.exec(lower)?.[1];
  return extension as DataValueFormat | undefined;
}

async function* once<T>(batch: T[]): AsyncGenerator<T[]> {
  if (batch.length > 0) yield batch;
}

/** The deepest nesting a data value document may have (ADX nests 3 elements, DXF2 2); deeper is refused, not parsed. */
const MAX_NESTED_ELEMENTS = 100;

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  maxNestedTags: MAX_NESTED_ELEMENTS,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (name === undefined || name === '#text' || name.startsWith('?')) return undefined;
  const content = (node[name] as OrderedNode[]) ?? [];
  const children = content.map(toElement).filter((child): child is XmlElement => child !== undefined);
  const text = content.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
  return { name, attributes: node[':@'] ?? {}, children, text };
}

/** The root element of an XML text; XML_INVALID naming the line when it is not well formed. */
export function parseXml(text: string): XmlElement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new DenwError('XML_INVALID', { line: valid.err.line, detail: valid.err.msg });
  // A document may not make the server read a file or an address (XML external entities, OWASP XXE).
  const external = /<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b/.exec(text);
  if (external) throw new DenwError('XML_EXTERNAL_ENTITY', { line: text.slice(0, external.index).split('\n').length }, 'body');
  let nodes: OrderedNode[];
  try {
    nodes = xmlParser.parse(text) as OrderedNode[];
  } catch (error) {
    // The parser's refusals are plain Errors, in English: the one a valid document can still meet is its nesting limit.
    const detail = (error as Error).message;
    throw /nested/i.test(detail) ? new DenwError('XML_TOO_DEEP', { max: MAX_NESTED_ELEMENTS }, 'body') : new DenwError('XML_INVALID', { line: 1, detail }, 'body');
  }
  const root = nodes.map(toElement).find((element) => element !== undefined);
  if (!root) throw new DenwError('XML_INVALID', { line: 1, detail: 'no root element' });
  return root;
}

/** CSV values in batches of about `batchSize`, read from text or byte chunks. */
async function* csvBatches(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<DataValueInput[]> {
  const reader = new DataValueCsvReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The bad bytes lie after the last row read whole: the message names the row that follows it.
  let nextRow = 1;
  const decode = (chunk: Uint8Array | undefined) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new DenwError('CSV_NOT_UTF8', { line: nextRow });
    }
  };
  for await (const chunk of chunks) {
    const batch = reader.push(typeof chunk === 'string' ? chunk : decode(chunk));
    if (batch.length > 0) {
      nextRow = batch[batch.length - 1]!.row + 1;
      yield batch;
    }
  }
  const last = reader.push(decode(undefined)).concat(reader.end());
  if (last.length > 0) yield last;
}

/** Splits a text into chunks so that CSV is read incrementally even from a string body. */
function* slices(text: string, size = 1 << 20): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/**
 * The source for a body: a parsed JSON value, a text, or (CSV only) a stream of chunks.
 * Throws a DenwError for a body that is not a data value set of that format.
 */
export function dataValueSource(format: DataValueFormat, body: unknown): DataValueSource {
  if (format === 'csv') {
    const chunks = typeof body === 'string' ? slices(body) : (body as AsyncIterable<string | Uint8Array>);
    return { header: {}, batches: csvBatches(chunks), conflicts: [], completions: [] };
  }
  if (format === 'json') {
    let document = body;
    if (typeof body === 'string') {
      try {
        document = JSON.parse(body);
      } catch (error) {
        throw new DenwError('INVALID_JSON', { detail: (error as Error).message }, 'body');
      }
    }
    const read = readDataValueJson(document);
    return { header: read.header, batches: once(read.inputs), conflicts: read.conflicts, completions: [] };
  }
  if (typeof body !== 'string') throw new DenwError('XML_INVALID', { line: 1, detail: 'empty body' });
  const root = parseXml(body);
  // An ADX document sent as plain XML (a `.xml` file) is still ADX: the root element tells.
  if (format === 'adx' || root.name === 'adx') {
    const read = readAdx(root);
    return { header: read.header, batches: once(read.inputs), conflicts: read.conflicts, completions: read.completions };
  }
  const read = readDxf2Xml(root);
  return { header: read.header, batches: once(read.inputs), conflicts: read.conflicts, completions: [] };
}
