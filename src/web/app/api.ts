// The API client: same-origin requests with the session cookie, in the interface language.
// Failures arrive as DHIS2-style web messages whose `message` is already translated.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

let currentLanguage = 'fr';
export function setApiLanguage(language: string): void {
  currentLanguage = language;
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Accept-Language', currentLanguage);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(path, { credentials: 'same-origin', ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const message = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : response.statusText;
    throw new ApiError(response.status, message, body);
  }
  return body as T;
}
