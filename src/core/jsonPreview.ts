// The JSON text of a value read from an uploaded document, for a message or a report: cut to a
// length, and written without recursion past a depth. JSON.stringify recurses once per level,
// so a document of 200,000 nested brackets (which JSON.parse reads without trouble) made it
// throw RangeError — a 500 where the sender should learn which field is wrong.

/** Levels written out; deeper lists and objects show as `[…]` / `{…}`. */
const MAX_DEPTH = 20;

function render(value: unknown, max: number): { text: string; whole: boolean } {
  let out = '';
  let elided = false;
  const write = (item: unknown, depth: number): void => {
    if (out.length > max) return;
    if (Array.isArray(item)) {
      if (depth >= MAX_DEPTH) {
        elided = true;
        out += '[…]';
        return;
      }
      out += '[';
      for (let i = 0; i < item.length && out.length <= max; i++) {
        if (i > 0) out += ',';
        write(item[i], depth + 1);
      }
      out += ']';
    } else if (item !== null && typeof item === 'object') {
      if (depth >= MAX_DEPTH) {
        elided = true;
        out += '{…}';
        return;
      }
      out += '{';
      const keys = Object.keys(item);
      for (let i = 0; i < keys.length && out.length <= max; i++) {
        out += `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`;
        write((item as Record<string, unknown>)[keys[i]!], depth + 1);
      }
      out += '}';
    } else {
      out += JSON.stringify(item) ?? String(item);
    }
  };
  write(value, 0);
  const cut = out.length > max;
  return { text: cut ? `${out.slice(0, max - 3)}...` : out, whole: !cut && !elided };
}

/** `value` as JSON, at most `max` characters (then `...`), nesting beyond 20 levels elided. */
export const jsonPreview = (value: unknown, max: number): string => render(value, max).text;

/**
 * `value` itself when its JSON fits in `max` characters and 20 levels (a report can carry it
 * as it came), else its preview.
 */
export function reportable(value: unknown, max: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  const { text, whole } = render(value, max);
  return whole ? value : text;
}
