import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createStudent, type TestOrganization } from '../helpers/fixtures.js';
import { api, auditRowsFor, contactPayload, rowsOf } from '../helpers/healthRecords.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let orgA: TestOrganization;
let orgB: TestOrganization;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  t = await startTestServer();
  http = api(t.server);
  orgA = await createOrganization(t.server);
  orgB = await createOrganization(t.server);
});
afterAll(() => t?.stop());

const url = (studentId: string) => `/api/v1/students/${studentId}/emergency-contacts`;
type Contact = { id: string; name: string; priority: number };

describe('emergency contacts', () => {
  it('records contacts and lists them in calling order, audited', async () => {
    const student = await createStudent(t.server, orgA);
    const second = await http.post(
      orgA.nurse,
      url(student.id),
      contactPayload({ name: 'Sam Grandparent', relationship: 'Grandfather', priority: 2, canPickUp: false }),
    );
    expect(second.statusCode).toBe(201);
    const first = await http.post(
      orgA.nurse,
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
    const listed = await http.get(orgA.nurse, url(student.id));
    expect(listed.statusCode).toBe(200);
    expect((listed.result as Contact[]).map((c) => c.priority)).toEqual([1, 2]);
    expect(await auditRowsFor(t.server, 'emergency-contact.create', student.id)).toBe(2);
    expect(await auditRowsFor(t.server, 'emergency-contact.list', student.id)).toBe(1);
  });

  it('refuses a second contact with the same priority with 409 and writes nothing', async () => {
    const student = await createStudent(t.server, orgA);
    await http.post(orgA.nurse, url(student.id), contactPayload());
    const res = await http.post(orgA.nurse, url(student.id), contactPayload({ name: 'Other Parent' }));
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
    const student = await createStudent(t.server, orgA);
    const res = await http.post(orgA.nurse, url(student.id), contactPayload(override));
    expect(res.statusCode).toBe(400);
    expect((res.result as { message: string }).message).toContain(field);
    expect(await rowsOf(t.server, 'emergency_contacts', student.id)).toBe(0);
  });

  it("answers 404 for another organization's student and writes nothing", async () => {
    const theirs = await createStudent(t.server, orgB);
    expect((await http.get(orgA.nurse, url(theirs.id))).statusCode).toBe(404);
    expect((await http.post(orgA.admin, url(theirs.id), contactPayload())).statusCode).toBe(404);
    expect(await rowsOf(t.server, 'emergency_contacts', theirs.id)).toBe(0);
  });

  it('lets a viewer neither read nor write contacts', async () => {
    const student = await createStudent(t.server, orgA);
    await http.post(orgA.nurse, url(student.id), contactPayload());
    expect((await http.get(orgA.viewer, url(student.id))).statusCode).toBe(403);
    expect((await http.post(orgA.viewer, url(student.id), contactPayload({ priority: 3 }))).statusCode).toBe(
      403,
    );
    expect(await rowsOf(t.server, 'emergency_contacts', student.id)).toBe(1);
    expect(await auditRowsFor(t.server, 'emergency-contact.list', student.id)).toBe(0);
  });
});
