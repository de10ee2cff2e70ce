/**
 * Download names: lower-case ASCII words joined by dashes ("health-summary-hartwell-amelia-
 * 2026-03-02.pdf"), safe inside a quoted Content-Disposition filename on every browser.
 */
const MAX_PART = 60;
const MAX_NAME = 150;

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_PART)
    .replace(/-+$/, '');
}

export function reportFilename(...parts: Array<string | null | undefined>): string {
  const name = parts
    .map((part) => (part ? slug(part) : ''))
    .filter(Boolean)
    .join('-')
    .slice(0, MAX_NAME)
    .replace(/-+$/, '');
  return `${name || 'report'}.pdf`;
}

/** The calendar date of an instant in a time zone: "2026-03-02". */
export function localDay(at: Date | string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}
