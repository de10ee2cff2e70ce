import { describe, expect, it } from 'vitest';
import { drawableText, everyStringDrawable } from '../../../src/services/pdf/drawableText.js';
import { loadFontFace } from '../../../src/services/pdf/fonts.js';
import { ALTERED_TEXT_NOTE } from '../../../src/services/pdf/layout.js';
import { PdfService } from '../../../src/services/pdf/index.js';
import { pdfText, squash } from './poppler.js';
import { healthSummaryInput } from './samples.js';

const NAMES = { first: 'Zoë Ñúñez', last: 'Łukasz Żółć' };
const withStudent = (firstName: string, lastName: string) =>
  healthSummaryInput({ student: { firstName, lastName, dateOfBirth: '2016-01-01', grade: '3' } });
const embedsFont = (pdf: Buffer) => pdf.includes('/FontFile2');

describe('characters the font cannot draw', () => {
  const standard = loadFontFace('standard');
  const embedded = loadFontFace('embedded');

  it('keeps what the face draws, drops accents it lacks, and shows "?" for the rest', () => {
    expect(drawableText('Zoë Ñúñez', (cp) => standard.canDraw(cp))).toEqual({
      text: 'Zoë Ñúñez',
      altered: false,
    });
    expect(drawableText('Łukasz Żółć', (cp) => standard.canDraw(cp))).toEqual({
      text: 'Lukasz Zólc',
      altered: true,
    });
    expect(drawableText('Ağça', (cp) => standard.canDraw(cp))).toEqual({ text: 'Agça', altered: true });
    expect(drawableText('Łukasz Żółć Ağça', (cp) => embedded.canDraw(cp))).toEqual({
      text: 'Łukasz Żółć Ağça',
      altered: false,
    });
    expect(drawableText('李小龍', (cp) => embedded.canDraw(cp))).toEqual({ text: '???', altered: true });
  });

  it('composes decomposed accents, and turns tabs and control characters into spaces', () => {
    const canDraw = (cp: number) => standard.canDraw(cp);
    expect(drawableText('Rene\u0301e', canDraw)).toEqual({ text: 'Renée', altered: false });
    expect(drawableText('a\tb\u0007c\nd', canDraw)).toEqual({ text: 'a b c\nd', altered: false });
    expect(drawableText('zero\u200bwidth', canDraw)).toEqual({ text: 'zerowidth', altered: false });
  });

  it('finds text that needs the wide font anywhere in a report input', () => {
    const canDraw = (cp: number) => standard.canDraw(cp);
    expect(everyStringDrawable(healthSummaryInput(), canDraw)).toBe(true);
    expect(everyStringDrawable(withStudent('Ağça', 'Smith'), canDraw)).toBe(false);
    expect(everyStringDrawable({ rows: [[1, null, 'ok', ['Ł']]] }, canDraw)).toBe(false);
  });

  it('prints accented Latin names exactly, embedding a font only for the report that needs one', async () => {
    const service = new PdfService();
    const plain = await service.generateStudentHealthSummary(healthSummaryInput());
    expect(embedsFont(plain)).toBe(false);

    const file = await service.generateStudentHealthSummary(withStudent(NAMES.first, NAMES.last));
    expect(embedsFont(file)).toBe(true);
    const text = await pdfText(file);
    expect(text).toContain(`${NAMES.first} ${NAMES.last}`);
    expect(squash(text)).not.toContain(squash(ALTERED_TEXT_NOTE));

    const turkish = await pdfText(await service.generateStudentHealthSummary(withStudent('Ağça', 'Yılmaz')));
    expect(turkish).toContain('Ağça Yılmaz');
  });

  it('shows a name no font here can draw as "?" and says so on every page', async () => {
    const file = await new PdfService().generateStudentHealthSummary(withStudent('李小龍', 'Lee'));
    const pages = (await pdfText(file)).split('\f').filter((p) => p.trim() !== '');
    expect(pages[0]).toContain('??? Lee');
    for (const page of pages) expect(squash(page)).toContain(squash(ALTERED_TEXT_NOTE));
  });

  it('with the standard font only, approximates visibly instead of garbling', async () => {
    const service = new PdfService({ font: 'standard' });
    const file = await service.generateStudentHealthSummary(withStudent(NAMES.first, `${NAMES.last} Ağça`));
    expect(embedsFont(file)).toBe(false);
    const text = await pdfText(file);
    expect(text).toContain('Zoë Ñúñez Lukasz Zólc Agça');
    expect(squash(text)).toContain(squash(ALTERED_TEXT_NOTE));
  });
});
