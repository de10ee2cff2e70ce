import { describe, expect, it } from 'vitest';
import { PdfService } from '../../../src/services/pdf/index.js';
import { pdfPages, pdfText, squash } from './poppler.js';
import { healthSummaryInput } from './samples.js';

const pdf = new PdfService();

describe('student health summary PDF', () => {
  it('names the student and shows demographics and emergency contacts', async () => {
    const text = squash(await pdfText(await pdf.generateStudentHealthSummary(healthSummaryInput())));
    expect(text).toContain('Amelia Hartwell');
    expect(text).toMatch(/Date of birth 2016-05-14/);
    expect(text).toMatch(/Student number S-104233/);
    expect(text).toMatch(/1 Rachel Hartwell Mother Mobile: 555-0142/);
    expect(text).toContain('Work: 555-0199');
    expect(text).toMatch(/2 Tom Hartwell Father Mobile: 555-0177/);
  });

  it('lists every allergy, life-threatening ones first and again in a box before everything else', async () => {
    const text = squash(await pdfText(await pdf.generateStudentHealthSummary(healthSummaryInput())));
    for (const allergen of ['Peanut', 'Bee venom', 'Penicillin', 'Dust mites'])
      expect(text).toContain(allergen);

    const box = text.indexOf('LIFE-THREATENING ALLERGIES');
    const contacts = text.indexOf('Emergency contacts');
    expect(box).toBeGreaterThan(-1);
    expect(box).toBeLessThan(contacts);
    const boxText = text.slice(box, contacts);
    expect(boxText).toContain('Peanut (Food)');
    expect(boxText).toContain('Bee venom (Insect)');
    expect(boxText).toContain('EpiPen at Nurse office, cabinet B, expires 2026-09-30');
    expect(boxText).not.toContain('Penicillin');

    const table = text.slice(text.indexOf('Allergen Type Severity'));
    const order = ['Peanut', 'Bee venom', 'Penicillin', 'Dust mites'].map((a) => table.indexOf(a));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('prints conditions with their whole action plan, wrapped rather than cut', async () => {
    const input = healthSummaryInput();
    const plan = input.conditions[0]!.actionPlan!;
    const raw = await pdfText(await pdf.generateStudentHealthSummary(input));
    expect(squash(raw)).toContain(`Action plan: ${plan}`);
    const planLines = raw
      .split('\n')
      .filter((line) => line.includes('Yellow zone') || line.includes('Red zone'));
    expect(planLines.length).toBeGreaterThan(0);
    expect(raw.split('\n').some((line) => line.includes(plan))).toBe(false);
    expect(squash(raw)).toContain('Asthma (J45.909) — Active');
    expect(squash(raw)).toContain('Triggers: cold air, exercise');
  });

  it('shows active medications with their schedule', async () => {
    const file = await pdf.generateStudentHealthSummary(healthSummaryInput());
    const text = squash(await pdfText(file, { raw: true }));
    expect(text).toContain('Methylphenidate 10 mg (Tablet) 10 mg Oral 12:00 Dr. Okafor —');
    expect(text).toContain(
      'Albuterol 90 mcg/actuation (Inhaler) 2 puffs Inhaled As needed, at least 240 min apart',
    );
  });

  it('shows immunization status and what is missing', async () => {
    const text = squash(await pdfText(await pdf.generateStudentHealthSummary(healthSummaryInput())));
    expect(text).toContain('Status: Overdue (as of 2026-03-02)');
    expect(text).toMatch(/MMR Overdue 1 2 1 2021-08-15/);
    expect(text).toContain(
      'Missing: MMR — 1 more dose, due 2021-08-15; Varicella — 2 more doses, due 2025-08-15.',
    );
  });

  it('says so plainly when a section is empty, and draws no alert box without a life-threatening allergy', async () => {
    const input = healthSummaryInput({
      allergies: [],
      conditions: [],
      medications: [],
      emergencyContacts: [],
    });
    input.immunizations = {
      compliance: { status: 'COMPLIANT', asOf: '2026-03-02', series: [] },
      records: [],
    };
    const text = squash(await pdfText(await pdf.generateStudentHealthSummary(input)));
    expect(text).not.toContain('LIFE-THREATENING ALLERGIES');
    for (const line of [
      'No known allergies.',
      'No conditions recorded.',
      'No active medications.',
      'No emergency contacts on file.',
      'Missing: nothing.',
      'No immunizations recorded.',
    ]) {
      expect(text).toContain(line);
    }
  });

  it('breaks a long allergy list across pages, repeating the column headers', async () => {
    const base = healthSummaryInput();
    const allergies = Array.from({ length: 80 }, (_, i) => ({
      ...base.allergies[2]!,
      allergen: `Allergen-${String(i + 1).padStart(3, '0')}`,
    }));
    const pages = await pdfPages(await pdf.generateStudentHealthSummary({ ...base, allergies }));
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.join('\n');
    for (const a of allergies) expect(all.split(a.allergen).length - 1).toBe(1);
    const withHeader = pages.filter((p) => squash(p).includes('Allergen Type Severity Reactions'));
    expect(withHeader.length).toBeGreaterThan(1);
  });
});
