/**
 * Input a template cannot print faithfully (e.g. a custom table row with the wrong number of
 * cells). Thrown before anything is drawn; a route maps it to 400 with this message, which
 * names the problem by position and never echoes the data.
 */
export class PdfInputError extends Error {
  override readonly name = 'PdfInputError';
}
