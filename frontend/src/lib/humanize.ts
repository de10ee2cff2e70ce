/**
 * An API enum for reading: "LIFE_THREATENING" -> "Life-threatening", "IN_PERSON" -> "In person".
 * Severities are always shown as words, never as colour alone. Anything else is left as is.
 */
export function humanize(value: string): string {
  // Free text ("Referred to optometrist") is shown as written.
  if (!/^[A-Z0-9_]+$/.test(value)) return value;
  const words = value.toLowerCase().split('_').filter(Boolean);
  if (words.length === 0) return value;
  // Compound adjectives read better hyphenated.
  const joiner = value === 'LIFE_THREATENING' ? '-' : ' ';
  const text = words.join(joiner);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
