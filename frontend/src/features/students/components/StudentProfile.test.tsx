import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { student } from '@/testing/studentFixture';
import type { StudentProfile as Profile } from '../types';
import { StudentProfile } from './StudentProfile';

const fullProfile: Profile = {
  ...student,
  alerts: [
    { kind: 'ALLERGY', severity: 'LIFE_THREATENING', label: 'Peanut (life-threatening)' },
    { kind: 'CONDITION', severity: 'SEVERE', label: 'Asthma' },
  ],
  allergies: [
    {
      id: 'a1',
      allergen: 'Peanut',
      allergyType: 'FOOD',
      severity: 'LIFE_THREATENING',
      reactions: ['anaphylaxis', 'hives'],
      emergencyProtocol: 'EpiPen, call 911',
      epiPenRequired: true,
      epiPenLocation: "Nurse's office",
      epiPenExpiresOn: null,
    },
  ],
  conditions: [{ id: 'c1', condition: 'Asthma', icd10Code: 'J45.909', status: 'ACTIVE', triggers: ['dust'] }],
  medications: [
    {
      id: 'p1',
      medication: { name: 'Albuterol', form: 'INHALER', strength: '90 mcg', controlledSchedule: null },
      dose: '2 puffs',
      route: 'INHALED',
      scheduleTimes: [],
      prn: true,
      minIntervalMinutes: 240,
      startDate: '2026-01-05',
      endDate: null,
      dosesOnHand: 120,
    },
  ],
  immunizations: {
    records: [{ id: 'i1', cvxCode: '03', vaccineName: 'MMR', series: ['MMR'], administeredOn: '2015-04-01' }],
  },
  emergencyContacts: [
    {
      id: 'e1',
      name: 'Rosa Martinez',
      relationship: 'MOTHER',
      priority: 1,
      phones: [{ type: 'MOBILE', number: '555-0100' }],
      email: null,
      canPickUp: true,
    },
  ],
  screenings: [{ id: 'sc1', type: 'VISION', screenedOn: '2026-09-10', result: 'PASS', referral: false }],
  incidents: [
    {
      id: 'in1',
      type: 'INJURY',
      severity: 'LOW',
      location: 'Playground',
      occurredAt: '2026-10-01T14:00:00Z',
      followUpRequired: false,
      parentNotified: true,
    },
  ],
};

function renderProfile(profile: Profile | (() => ReturnType<typeof boom>)) {
  const fetchMock = stubFetch({
    'GET /api/v1/students/s1': () => (typeof profile === 'function' ? profile() : { body: profile }),
  });
  renderWithQueryClient(<StudentProfile studentId="s1" />);
  return fetchMock;
}

const section = (name: string) => screen.getByRole('region', { name });

describe('StudentProfile', () => {
  it('puts the alert banner first, in words, then every section', async () => {
    renderProfile(fullProfile);

    expect(screen.getByRole('status')).toHaveTextContent('Loading student');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ava Martinez' })).toBeInTheDocument();
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent("LIFE-THREATENING ALLERGY: Peanut — EpiPen in Nurse's office");
    expect(banner).toHaveTextContent('SEVERE CONDITION: Asthma');

    // The banner comes before every section on the page.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Health alerts',
      'Allergies',
      'Conditions',
      'Medications',
      'Immunizations',
      'Screenings',
      'Incidents',
      'Emergency contacts',
    ]);

    const allergyRow = within(section('Allergies')).getByRole('row', { name: /Peanut/ });
    expect(allergyRow).toHaveTextContent('Life-threatening');
    expect(allergyRow).toHaveTextContent('anaphylaxis, hives');
    expect(within(section('Conditions')).getByText('Asthma')).toBeInTheDocument();
    const medication = within(section('Medications')).getByRole('article', {
      name: 'Albuterol 90 mcg inhaler',
    });
    expect(medication).toHaveTextContent('2 puffs');
    expect(medication).toHaveTextContent('As needed, at least 240 minutes apart');
    expect(medication).toHaveTextContent('Doses on hand120');
    expect(within(section('Immunizations')).getByText('MMR (MMR)')).toBeInTheDocument();
    expect(within(section('Screenings')).getByText('Vision')).toBeInTheDocument();
    expect(within(section('Incidents')).getByRole('row', { name: /Injury/ })).toHaveTextContent('Playground');
    expect(within(section('Emergency contacts')).getByText('Rosa Martinez')).toBeInTheDocument();
    // Nothing to record with (no slots were given): the only action is the PDF summary.
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Health summary (PDF)',
    ]);
  });

  it('shows an empty state for every section that is missing or empty', async () => {
    renderProfile({ ...student, alerts: [], allergies: [], medications: [] });

    await screen.findByRole('heading', { level: 1, name: 'Ava Martinez' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('No health alerts on file.')).toBeInTheDocument();
    expect(within(section('Allergies')).getByText('No known allergies.')).toBeInTheDocument();
    expect(within(section('Medications')).getByText('No active prescriptions.')).toBeInTheDocument();
    expect(
      within(section('Conditions')).getByText('Condition information is not available.'),
    ).toBeInTheDocument();
    expect(
      within(section('Immunizations')).getByText('Immunization records are not available.'),
    ).toBeInTheDocument();
    expect(within(section('Incidents')).getByText('Incident reports are not available.')).toBeInTheDocument();
    expect(
      within(section('Emergency contacts')).getByText('Emergency contacts are not available.'),
    ).toBeInTheDocument();
  });

  it('renders the slots it is given', async () => {
    stubFetch({ 'GET /api/v1/students/s1': () => ({ body: fullProfile }) });
    renderWithQueryClient(
      <StudentProfile
        studentId="s1"
        medicationAction={(s, p) => (
          <button type="button">
            Dose {p.medication.name} for {s.firstName}
          </button>
        )}
        incidentAction={() => <button type="button">New incident</button>}
        immunizationStatus={() => <p>Status: compliant</p>}
      />,
    );

    expect(await screen.findByRole('button', { name: 'Dose Albuterol for Ava' })).toBeInTheDocument();
    expect(within(section('Incidents')).getByRole('button', { name: 'New incident' })).toBeInTheDocument();
    expect(within(section('Immunizations')).getByText('Status: compliant')).toBeInTheDocument();
  });

  it("shows the server's message when the student cannot be loaded", async () => {
    renderProfile(() => boom(404, 'Not Found', 'Student not found'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Student not found');
    expect(screen.getByRole('link', { name: /Back to students/ })).toHaveAttribute('href', '/students');
  });
});
