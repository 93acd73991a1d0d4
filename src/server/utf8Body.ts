// Text bodies (JSON, CSV, XML, ADX, FHIR JSON) must be UTF-8: RFC 8259 §8.1 requires it of JSON,
// and DHIS2 reads its CSV and XML files as UTF-8. Fastify decodes a text body with replacement
// characters, so a CSV saved by Excel in Windows-1252 would store "S\uFFFDgou" for "Ségou"
// without a word. The bytes are checked as they arrive instead, and a body that is not UTF-8
// is refused (400 BODY_NOT_UTF8, field body) before any route reads it. Binary bodies (XLSX,
// octet streams) pass untouched.
import { Transform, type Readable } from 'node:stream';
import { DenwError } from '../core/errors.ts';

/** Whether a Content-Type names a text body: text/*, JSON, XML, CSV and their `+json` / `+xml` variants. */
export function isTextBody(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) return false;
  if (type.startsWith('text/')) return true;
  const [, subtype = ''] = type.split('/');
  return ['json', 'xml', 'csv'].some((name) => subtype === name || subtype.endsWith(`+${name}`) || subtype.startsWith(`${name}+`));
}

/** The body stream, failing with BODY_NOT_UTF8 at the first byte sequence that is not UTF-8. */
export function checkedUtf8(payload: Readable): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  const refuse = () => new DenwError('BODY_NOT_UTF8', { line }, 'body');
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        // The line of the first bad byte: the lines of the chunk before it.
        const text = new TextDecoder('utf-8').decode(chunk);
        line += text.slice(0, text.indexOf('\uFFFD')).split('\n').length - 1;
        return callback(refuse());
      }
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) line++;
      callback(null, chunk);
    },
    flush(callback) {
      try {
        decoder.decode();
        callback();
      } catch {
        callback(refuse());
      }
    },
  });
  payload.on('error', (error) => checked.destroy(error));
  return payload.pipe(checked);
}
