/** Realistic inputs for every PDF template; each test overrides what it asserts on. */
import type {
  CustomReportInput,
  DoseLogEntry,
  ImmunizationReportInput,
  IncidentReportInput,
  MedicationLogInput,
  ReportContext,
  StudentHealthSummaryInput,
} from '../../../src/services/pdf/index.js';

export const context = (): ReportContext => ({
  organization: { name: 'Maple Valley School District' },
  school: { name: 'Cedar Elementary' },
  generatedBy: { name: 'Nurse Joy Alvarez', role: 'NURSE' },
  generatedAt: new Date('2026-03-02T19:05:00Z'),
  timeZone: 'America/New_York',
});

const student = {
  firstName: 'Amelia',
  lastName: 'Hartwell',
  dateOfBirth: '2016-05-14',
  grade: '4',
  gender: 'F',
  studentNumber: 'S-104233',
};

export function healthSummaryInput(
  overrides: Partial<StudentHealthSummaryInput> = {},
): StudentHealthSummaryInput {
  return {
    ...context(),
    student,
    emergencyContacts: [
      {
        name: 'Rachel Hartwell',
        relationship: 'Mother',
        priority: 1,
        phones: [
          { type: 'MOBILE', number: '555-0142' },
          { type: 'WORK', number: '555-0199' },
        ],
        email: 'rachel.h@example.org',
        canPickUp: true,
      },
      {
        name: 'Tom Hartwell',
        relationship: 'Father',
        priority: 2,
        phones: [{ type: 'MOBILE', number: '555-0177' }],
        email: null,
        canPickUp: false,
      },
    ],
    allergies: [
      {
        allergen: 'Penicillin',
        allergyType: 'DRUG',
        severity: 'MODERATE',
        reactions: ['rash'],
        emergencyProtocol: null,
        epiPenRequired: false,
      },
      {
        allergen: 'Peanut',
        allergyType: 'FOOD',
        severity: 'LIFE_THREATENING',
        reactions: ['anaphylaxis', 'hives'],
        emergencyProtocol: 'Give EpiPen in outer thigh, call 911, then parent.',
        epiPenRequired: true,
        epiPenLocation: 'Nurse office, cabinet B',
        epiPenExpiresOn: '2026-09-30',
      },
      {
        allergen: 'Dust mites',
        allergyType: 'ENVIRONMENTAL',
        severity: 'MILD',
        reactions: ['sneezing'],
        emergencyProtocol: null,
        epiPenRequired: false,
      },
      {
        allergen: 'Bee venom',
        allergyType: 'INSECT',
        severity: 'LIFE_THREATENING',
        reactions: ['throat swelling'],
        emergencyProtocol: 'EpiPen, call 911.',
        epiPenRequired: true,
        epiPenLocation: 'Backpack, front pocket',
        epiPenExpiresOn: '2026-11-15',
      },
    ],
    conditions: [
      {
        condition: 'Asthma',
        icd10Code: 'J45.909',
        status: 'ACTIVE',
        actionPlan:
          'Green zone: no symptoms, take controller as prescribed. Yellow zone: cough, wheeze or chest ' +
          'tightness; give 2 puffs of albuterol with a spacer, wait 20 minutes, repeat once if needed and ' +
          'call a parent. Red zone: very short of breath, lips blue, cannot speak in full sentences; give ' +
          '4 puffs of albuterol, call 911, then a parent, and stay with the student at all times.',
        accommodations: 'May carry inhaler; excused from running in cold weather.',
        triggers: ['cold air', 'exercise'],
      },
    ],
    medications: [
      {
        medication: { name: 'Albuterol', strength: '90 mcg/actuation', form: 'INHALER' },
        dose: '2 puffs',
        route: 'INHALED',
        scheduleTimes: [],
        prn: true,
        minIntervalMinutes: 240,
        instructions: 'With spacer.',
        prescriber: 'Dr. Patel',
      },
      {
        medication: { name: 'Methylphenidate', strength: '10 mg', form: 'TABLET' },
        dose: '10 mg',
        route: 'ORAL',
        scheduleTimes: ['12:00'],
        prn: false,
        instructions: null,
        prescriber: 'Dr. Okafor',
      },
    ],
    immunizations: {
      compliance: {
        status: 'OVERDUE',
        asOf: '2026-03-02',
        series: [
          { series: 'DTaP', status: 'COMPLIANT', validDoses: 5, requiredDoses: 5, missing: 0, dueOn: null },
          {
            series: 'MMR',
            status: 'OVERDUE',
            validDoses: 1,
            requiredDoses: 2,
            missing: 1,
            dueOn: '2021-08-15',
          },
          {
            series: 'Varicella',
            status: 'DUE',
            validDoses: 0,
            requiredDoses: 2,
            missing: 2,
            dueOn: '2025-08-15',
          },
        ],
      },
      records: [
        { vaccineName: 'DTaP', cvxCode: '20', administeredOn: '2016-07-14', doseNumber: 1 },
        { vaccineName: 'MMR', cvxCode: '03', administeredOn: '2017-05-20', doseNumber: 1 },
      ],
      exemptions: [],
    },
    ...overrides,
  };
}

export const doseMarker = (i: number) => `DOSE-${String(i).padStart(4, '0')}`;

/** `count` dose rows, each with a unique marker in its reason, one every 20 minutes. */
export function doseEntries(count: number): DoseLogEntry[] {
  const statuses: Array<DoseLogEntry['status']> = ['GIVEN', 'GIVEN', 'GIVEN', 'REFUSED', 'MISSED', 'HELD'];
  return Array.from({ length: count }, (_, i) => ({
    administeredAt: new Date(Date.UTC(2026, 2, 2, 13, 0) + i * 20 * 60_000),
    studentName: `Student ${i % 17}`,
    medication: 'Albuterol 90 mcg',
    dose: '2 puffs',
    route: 'INHALED',
    status: statuses[i % statuses.length]!,
    reason: doseMarker(i + 1),
    givenBy: 'Nurse Joy Alvarez',
    witnessName: i % 5 === 0 ? 'Sam Ortiz' : null,
  }));
}

export function medicationLogInput(overrides: Partial<MedicationLogInput> = {}): MedicationLogInput {
  return {
    ...context(),
    range: { from: '2026-03-01T05:00:00Z', to: '2026-04-01T03:59:59Z' },
    student: null,
    entries: doseEntries(300),
    ...overrides,
  };
}

export function immunizationReportInput(
  overrides: Partial<ImmunizationReportInput> = {},
): ImmunizationReportInput {
  return {
    ...context(),
    compliance: {
      asOf: '2026-03-02',
      ruleSet: { name: 'State default 2025-26' },
      total: 40,
      counts: { COMPLIANT: 35, DUE: 2, OVERDUE: 2, EXEMPT: 1 },
      rates: { COMPLIANT: 0.875, DUE: 0.05, OVERDUE: 0.05, EXEMPT: 0.025 },
      groups: [
        {
          schoolName: 'Cedar Elementary',
          grade: 'K',
          total: 24,
          counts: { COMPLIANT: 21, DUE: 1, OVERDUE: 1, EXEMPT: 1 },
          rates: { COMPLIANT: 0.875, DUE: 0.0417, OVERDUE: 0.0417, EXEMPT: 0.0417 },
        },
        {
          schoolName: 'Cedar Elementary',
          grade: '7',
          total: 16,
          counts: { COMPLIANT: 14, DUE: 1, OVERDUE: 1, EXEMPT: 0 },
          rates: { COMPLIANT: 0.875, DUE: 0.0625, OVERDUE: 0.0625, EXEMPT: 0 },
        },
      ],
    },
    nonCompliant: [
      {
        studentName: 'Oliver Brandt',
        grade: 'K',
        schoolName: 'Cedar Elementary',
        status: 'OVERDUE',
        series: [
          {
            series: 'MMR',
            status: 'OVERDUE',
            validDoses: 1,
            requiredDoses: 2,
            missing: 1,
            dueOn: '2025-08-15',
          },
          {
            series: 'Polio',
            status: 'DUE',
            validDoses: 3,
            requiredDoses: 4,
            missing: 1,
            dueOn: '2025-08-15',
          },
        ],
      },
      {
        studentName: 'Maya Lindqvist',
        grade: '7',
        schoolName: 'Cedar Elementary',
        status: 'DUE',
        series: [
          { series: 'Tdap', status: 'DUE', validDoses: 0, requiredDoses: 1, missing: 1, dueOn: '2025-08-15' },
        ],
      },
    ],
    ...overrides,
  };
}

export function incidentReportInput(overrides: Partial<IncidentReportInput> = {}): IncidentReportInput {
  return {
    ...context(),
    student,
    reporterName: 'Nurse Joy Alvarez',
    incident: {
      type: 'INJURY',
      severity: 'MEDIUM',
      location: 'Playground, north climbing frame',
      occurredAt: '2026-03-02T17:40:00Z',
      description:
        'Student fell from the second rung of the climbing frame and landed on the left wrist. ' +
        'Swelling visible within minutes; student able to move fingers; no loss of consciousness.',
      actionsTaken: 'Ice pack applied, wrist immobilized with a splint, parent called to pick up.',
      witnesses: ['Mr. Dale Peters (recess monitor)', 'Ana Ruiz (student)'],
      parentNotified: {
        notified: true,
        by: 'Nurse Joy Alvarez',
        at: '2026-03-02T17:55:00Z',
        method: 'PHONE',
      },
      followUpRequired: true,
      followUpNotes: 'Ask parent for X-ray result; adjust PE participation.',
      createdAt: '2026-03-02T18:10:00Z',
    },
    ...overrides,
  };
}

export function customReportInput(overrides: Partial<CustomReportInput> = {}): CustomReportInput {
  return {
    ...context(),
    title: 'Nurse office visits by reason',
    subtitle: 'Cedar Elementary, February 2026',
    metadata: { Period: '2026-02-01 to 2026-02-28', 'Total visits': 214, 'Includes staff': false },
    tables: [
      {
        title: 'Visits by reason',
        columns: ['Reason', 'Visits', 'Sent home'],
        rows: [
          ['Headache', 61, 4],
          ['Stomach ache', 48, 9],
          ['Injury', 37, 3],
          ['Medication', 68, null],
        ],
      },
    ],
    ...overrides,
  };
}
