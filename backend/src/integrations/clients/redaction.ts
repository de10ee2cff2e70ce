/**
 * What an outbound request may say in a log line. Query strings and bodies are never logged
 * (filters, names, dates of birth, member ids travel there); path segments that look like an
 * identifier become `:id`. A client whose paths carry other data names the route itself with
 * the request's `logAs`.
 */

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const LONGEST_PLAIN_SEGMENT = 24;

function looksLikeIdentifier(segment: string): boolean {
  if (UUID.test(segment)) return true;
  if (segment.length > LONGEST_PLAIN_SEGMENT) return true;
  if (/[@%+=:]/.test(segment)) return true;
  // Short versioned names such as `v1p1` or `v2` stay; anything longer with a digit is an id.
  return /\d/.test(segment) && segment.length > 4;
}

/** `/ims/oneroster/v1p1/students/5e0c...?filter=x` -> `/ims/oneroster/v1p1/students/:id`. */
export function redactPath(url: string): string {
  let path = url;
  try {
    // Absolute URLs lose their origin and credentials too.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) path = new URL(url).pathname;
  } catch {
    return '[unparseable url]';
  }
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  return bare
    .split('/')
    .map((segment) => (segment && looksLikeIdentifier(segment) ? ':id' : segment))
    .join('/');
}

/** An error's code or class for a log line (`ECONNREFUSED`, `ECONNABORTED`), never its message. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'unknown';
}
