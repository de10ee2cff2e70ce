import { describe, expect, it } from 'vitest';
import type { DueDose, ScheduledDose } from '../types';
import { dueRows, recordRows, splitStudentName } from './marRows';

function dose(overrides: Partial<DueDose>): DueDose {
  return {
    studentId: 's1',
    studentName: 'Ava Martinez',
    prescriptionId: 'p1',
    medication: { id: 'm1', name: 'Ibuprofen', form: 'TABLET', strength: '200 mg' },
    dose: '200 mg',
    route: 'ORAL',
    scheduledFor: '2026-03-02T14:00:00.000Z',
    status: 'DUE',
    ...overrides,
  };
}

describe('dueRows', () => {
  it('orders doses by time, then student name', () => {
    const zoe = dose({ studentId: 's2', studentName: 'Zoe Adams', prescriptionId: 'p3' });
    const ava = dose({});
    const early = dose({ prescriptionId: 'p0', scheduledFor: '2026-03-02T12:00:00.000Z', status: 'OVERDUE' });
    const rows = dueRows([zoe, ava, early]);
    expect(rows.map((row) => [row.studentName, row.status])).toEqual([
      ['Ava Martinez', 'OVERDUE'],
      ['Ava Martinez', 'DUE'],
      ['Zoe Adams', 'DUE'],
    ]);
    expect(rows[0]).toMatchObject({ key: 'p0@2026-03-02T12:00:00.000Z', administration: null });
  });

  it("takes the name's parts from the server, and splits them when it sent none", () => {
    const [sent] = dueRows([
      dose({
        studentName: 'Mary Ann Smith',
        student: { id: 's1', firstName: 'Mary Ann', lastName: 'Smith', schoolId: 'sc1' },
      }),
    ]);
    expect(sent).toMatchObject({ firstName: 'Mary Ann', lastName: 'Smith' });
    expect(sent).not.toHaveProperty('student');
    const [split] = dueRows([dose({})]);
    expect(split).toMatchObject({ firstName: 'Ava', lastName: 'Martinez' });
  });
});

describe('recordRows', () => {
  it('flattens the record, keeping the entry recorded for each dose', () => {
    const given: ScheduledDose = {
      student: { id: 's1', firstName: 'Ava', lastName: 'Martinez', schoolId: 'sc1' },
      prescription: {
        id: 'p1',
        medication: {
          id: 'm1',
          name: 'Ibuprofen',
          form: 'TABLET',
          strength: '200 mg',
          controlledSchedule: null,
        },
        dose: '200 mg',
        route: 'ORAL',
      },
      scheduledFor: '2026-03-02T13:00:00.000Z',
      status: 'GIVEN',
      administration: {
        id: 'a1',
        status: 'GIVEN',
        administeredAt: '2026-03-02T13:05:00.000Z',
        dose: '200 mg',
        route: 'ORAL',
        reason: null,
        witnessUserId: null,
        administeredBy: { id: 'u1', name: 'Pat Garcia' },
      },
    };
    expect(recordRows([given])).toEqual([
      {
        key: 'p1@2026-03-02T13:00:00.000Z',
        studentId: 's1',
        studentName: 'Ava Martinez',
        firstName: 'Ava',
        lastName: 'Martinez',
        prescriptionId: 'p1',
        medication: given.prescription.medication,
        dose: '200 mg',
        route: 'ORAL',
        scheduledFor: '2026-03-02T13:00:00.000Z',
        status: 'GIVEN',
        administration: given.administration,
      },
    ]);
  });
});

describe('splitStudentName', () => {
  it('splits the first name from the rest', () => {
    expect(splitStudentName('Ava Martinez Lopez')).toEqual({ firstName: 'Ava', lastName: 'Martinez Lopez' });
    expect(splitStudentName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });
});
