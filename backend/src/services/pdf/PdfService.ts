/**
 * The PDF reports: pure functions from plain typed input (types.ts) to a PDF file. The
 * service holds only the font, loaded once. Rendering is synchronous CPU work on the calling
 * thread (a few ms for a summary, more for a log of hundreds of rows): large reports belong
 * in the queued `report-generation` job rather than in a request.
 *
 * Thrown: PdfInputError for a malformed custom report, RangeError for an invalid time or
 * time zone; both before anything is returned.
 */
import { everyStringDrawable } from './drawableText.js';
import { loadFontFace, type FontChoice, type FontFace } from './fonts.js';
import { renderCustomReport } from './templates/customReport.js';
import { renderImmunizationReport } from './templates/immunizationReport.js';
import { renderIncidentReport } from './templates/incidentReport.js';
import { renderMedicationLog } from './templates/medicationLog.js';
import { renderStudentHealthSummary } from './templates/studentHealthSummary.js';
import type {
  CustomReportInput,
  ImmunizationReportInput,
  IncidentReportInput,
  MedicationLogInput,
  StudentHealthSummaryInput,
} from './types.js';

export interface PdfServiceOptions {
  /** Default `auto`: Helvetica, or DejaVu Sans embedded when the text needs it (see fonts.ts). */
  font?: FontChoice;
}

export class PdfService {
  private readonly standard = loadFontFace('standard');
  /** Loaded up front, so a missing font file fails at start-up rather than on some report. */
  private readonly embedded: FontFace | null;
  private readonly choice: FontChoice;

  constructor(options: PdfServiceOptions = {}) {
    this.choice = options.font ?? 'auto';
    this.embedded = this.choice === 'standard' ? null : loadFontFace('embedded');
  }

  private faceFor(input: object): FontFace {
    if (!this.embedded) return this.standard;
    if (this.choice === 'embedded') return this.embedded;
    return everyStringDrawable(input, (cp) => this.standard.canDraw(cp)) ? this.standard : this.embedded;
  }

  async generateStudentHealthSummary(input: StudentHealthSummaryInput): Promise<Buffer> {
    return renderStudentHealthSummary(input, this.faceFor(input));
  }

  async generateMedicationLog(input: MedicationLogInput): Promise<Buffer> {
    return renderMedicationLog(input, this.faceFor(input));
  }

  async generateImmunizationReport(input: ImmunizationReportInput): Promise<Buffer> {
    return renderImmunizationReport(input, this.faceFor(input));
  }

  async generateIncidentReport(input: IncidentReportInput): Promise<Buffer> {
    return renderIncidentReport(input, this.faceFor(input));
  }

  async generateCustomReport(input: CustomReportInput): Promise<Buffer> {
    return renderCustomReport(input, this.faceFor(input));
  }
}
