import { describe, expect, it } from 'vitest';
import { createStudent } from '../helpers/fixtures.js';
import {
  auditRowsFor,
  contactPayload,
  expectFieldRefused,
  healthRecordsSuite,
  rowsOf,
} from '../helpers/healthRecords.js';

const t = healthRecordsSuite();

const url = (studentId: string) => `/api/v1/students/${studentId}/emergency-contacts`;
type Contact = { id: string; name: string; priority: number };

describe('emergency contacts', () => {
  it('records contacts and lists them in calling order, audited', async () => {
    const student = await createStudent(t.server, t.orgA);
    const second = await t.http.post(
      t.orgA.nurse,
      url(student.id),
      contactPayload({ name: 'Sam Grandparent', relationship: 'Grandfather', priority: 2, canPickUp: false }),
    );
    expect(second.statusCode).toBe(201);
    const first = await t.http.post(
      t.orgA.nurse,
      url(student.id),
      contactPayload({
        phones: [
          { type: 'MOBILE', number: '+1 555-010-0001' },
          { type: 'WORK', number: '(555) 010-0002' },
        ],
      }),
    );
    expect(first.result).toMatchObject({
      name: 'Alex Parent',
      priority: 1,
      canPickUp: true,
      phones: [
        { type: 'MOBILE', number: '+1 555-010-0001' },
        { type: 'WORK', number: '(555) 010-0002' },
      ],
    });
    const listed = await t.http.get(t.orgA.nurse, url(student.id));
    expect(listed.statusCode).toBe(200);
    expect((listed.result as Contact[]).map((c) => c.priority)).toEqual([1, 2]);
    expect(await auditRowsFor(t.server, 'emergency-contact.create', student.id)).toBe(2);
    expect(await auditRowsFor(t.server, 'emergency-contact.list', student.id)).toBe(1);
  });

  it('refuses a second contact with the same priority with 409 and writes nothing', async () => {
    const student = await createStudent(t.server, t.orgA);
    await t.http.post(t.orgA.nurse, url(student.id), contactPayload());
    const res = await t.http.post(t.orgA.nurse, url(student.id), contactPayload({ name: 'Other Parent' }));
    expect(res.statusCode).toBe(409);
    expect((res.result as { message: string }).message).toMatch(/priority/);
    expect(await rowsOf(t.server, 'emergency_contacts', student.id)).toBe(1);
    expect(await auditRowsFor(t.server, 'emergency-contact.create', student.id)).toBe(1);
  });

  it.each([
    ['missing phones', { phones: undefined }, 'phones'],
    ['an empty phone list', { phones: [] }, 'phones'],
    ['a bad phone type', { phones: [{ type: 'FAX', number: '555-010-0003' }] }, 'type'],
    ['a phone that is not a number', { phones: [{ type: 'HOME', number: 'call me' }] }, 'number'],
    ['a priority of zero', { priority: 0 }, 'priority'],
    ['a bad email', { email: 'nope' }, 'email'],
    ['missing canPickUp', { canPickUp: undefined }, 'canPickUp'],
  ])('answers 400 naming the field for %s', async (_label, override, field) => {
    await expectFieldRefused(t, url, 'emergency_contacts', contactPayload(override), field);
  });

  it("answers 404 for another organization's student and writes nothing", async () => {
    const theirs = await createStudent(t.server, t.orgB);
    expect((await t.http.get(t.orgA.nurse, url(theirs.id))).statusCode).toBe(404);
    expect((await t.http.post(t.orgA.admin, url(theirs.id), contactPayload())).statusCode).toBe(404);
    expect(await rowsOf(t.server, 'emergency_contacts', theirs.id)).toBe(0);
  });

  it('lets a viewer neither read nor write contacts', async () => {
    const student = await createStudent(t.server, t.orgA);
    await t.http.post(t.orgA.nurse, url(student.id), contactPayload());
    expect((await t.http.get(t.orgA.viewer, url(student.id))).statusCode).toBe(403);
    expect(
      (await t.http.post(t.orgA.viewer, url(student.id), contactPayload({ priority: 3 }))).statusCode,
    ).toBe(403);
    expect(await rowsOf(t.server, 'emergency_contacts', student.id)).toBe(1);
    expect(await auditRowsFor(t.server, 'emergency-contact.list', student.id)).toBe(0);
  });
});
