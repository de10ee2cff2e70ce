import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import { apiLogin } from './support/apiClient';
import { launchBrowser } from './support/browser';
import { screenshot } from './support/screenshots';
import { acknowledgeAwaitingAlerts } from './support/alertChecks';
import { collectPageErrors, signIn, waitForLoginPage, waitForPath } from './support/pageChecks';
import { daysAgo, uniqueName } from './support/testData';

const baseUrl = inject('baseUrl');
const demoPassword = inject('demoPassword');
const NURSE_EMAIL = 'nurse.garcia@lincoln-usd.example';

describe('a nurse opens a student profile, records a dose and an incident', () => {
  let browser: Browser;
  const lastName = uniqueName('Profile');
  const incidentLocation = uniqueName('Gym ');
  let studentId: string;

  beforeAll(async () => {
    const api = await apiLogin(baseUrl, NURSE_EMAIL, demoPassword);
    ({ id: studentId } = await api.post<{ id: string }>('/api/v1/students', {
      firstName: 'Quinn',
      lastName,
      dateOfBirth: '2015-05-05',
      grade: '4',
    }));
    await api.post(`/api/v1/students/${studentId}/allergies`, {
      allergen: 'Peanut',
      allergyType: 'FOOD',
      severity: 'LIFE_THREATENING',
      reactions: ['anaphylaxis'],
      epiPenRequired: true,
      epiPenLocation: "Nurse's office",
    });
    // As needed (PRN) with a minimum interval: no dependence on the wall clock's schedule.
    await api.post(`/api/v1/students/${studentId}/medications`, {
      medication: { name: 'Ibuprofen', form: 'TABLET', strength: '200 mg' },
      dose: '200 mg',
      route: 'ORAL',
      prn: true,
      minIntervalMinutes: 240,
      startDate: daysAgo(2),
      prescriber: 'Dr. Rivera',
      parentConsentOnFile: true,
      dosesOnHand: 10,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees the alert first, gets the five-rights refusal, then records both and logs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);

    await page.goto(`${baseUrl}/`);
    await waitForLoginPage(page);
    await signIn(page, NURSE_EMAIL, demoPassword);
    await waitForPath(page, '/dashboard');
    await acknowledgeAwaitingAlerts(page, baseUrl, NURSE_EMAIL, demoPassword);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Students', exact: true })
      .click();
    await waitForPath(page, '/students');

    await page.getByRole('searchbox', { name: 'Search students' }).fill(lastName);
    const row = page.getByRole('row', { name: new RegExp(`Quinn ${lastName}`) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Allergy: Peanut');
    await row.getByRole('link', { name: `Quinn ${lastName}` }).click();

    await waitForPath(page, `/students/${studentId}`);
    await page.getByRole('heading', { level: 1, name: `Quinn ${lastName}` }).waitFor();
    const banner = page.getByRole('alert');
    expect(await banner.innerText()).toContain("LIFE-THREATENING ALLERGY: Peanut — EpiPen in Nurse's office");
    // The banner is the first section of the page.
    expect((await page.locator('main h2').allInnerTexts())[0]).toBe('Health alerts');

    const medication = page.getByRole('article', { name: 'Ibuprofen 200 mg tablet' });
    expect(await medication.innerText()).toMatch(/Doses on hand\s*10/);
    await medication.getByRole('button', { name: /Record dose/ }).click();
    const doseForm = page.getByRole('dialog', { name: /Record dose/ });
    await doseForm.getByLabel('Dose', { exact: true }).fill('400 mg');
    await doseForm.getByLabel(/I confirm the five rights/).check();
    await doseForm.getByRole('button', { name: 'Save dose' }).click();
    const refusal = doseForm.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Right dose');
    await expectAccessible(page, 'record dose form with a five-rights refusal');
    await screenshot(page, 'nurse-record-dose-refused');

    await doseForm.getByLabel('Dose', { exact: true }).fill('200 mg');
    await doseForm.getByRole('button', { name: 'Save dose' }).click();
    const recorded = medication.getByRole('status');
    await recorded.waitFor();
    expect(await recorded.innerText()).toContain('Dose recorded: 200 mg given.');
    expect(await doseForm.count()).toBe(0);
    expect(await medication.innerText()).toMatch(/Doses on hand\s*9/);

    const incidents = page.getByRole('region', { name: 'Incidents' });
    await incidents.getByRole('button', { name: 'Record incident' }).click();
    const incidentForm = page.getByRole('dialog', { name: /Record an incident/ });
    await incidentForm.getByLabel('Type', { exact: true }).selectOption('ILLNESS');
    await incidentForm.getByLabel('Severity', { exact: true }).selectOption('LOW');
    await incidentForm.getByLabel('Location').fill(incidentLocation);
    await incidentForm.getByLabel('What happened').fill('Headache after lunch');
    await incidentForm.getByLabel('Actions taken').fill('Rested, water');
    await expectAccessible(page, 'record incident form');
    await incidentForm.getByRole('button', { name: 'Save incident' }).click();
    const incidentRow = incidents.getByRole('row', { name: new RegExp(incidentLocation) });
    await incidentRow.waitFor();
    expect(await incidentRow.innerText()).toContain('Illness');

    await page.getByRole('button', { name: 'Log out' }).click();
    await waitForLoginPage(page);
    expect(await page.locator('body').innerText()).not.toContain(lastName);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
