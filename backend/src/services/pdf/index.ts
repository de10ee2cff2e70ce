/** The PDF service's public surface: the service, its input types and its input error. */
export { PdfService, type PdfServiceOptions } from './PdfService.js';
export { PdfInputError } from './PdfInputError.js';
export type * from './types.js';
