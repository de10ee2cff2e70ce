/**
 * Test data made through the real services and the real login route: an organization with
 * one user of each role, each with a live session token.
 */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../../src/infrastructure/http/actor.js';
import type { Role } from '../../src/infrastructure/http/authorization.js';
import type { StudentView } from '../../src/modules/students/index.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export interface TestOrganization {
  id: string;
  schoolId: string;
  admin: TestUser;
  nurse: TestUser;
  viewer: TestUser;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}${Math.random().toString(36).slice(2, 6)}`;

export async function login(server: Server, email: string, password = TEST_PASSWORD, ip = '10.0.0.1') {
  return server.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
}

export async function createUser(server: Server, organizationId: string, role: Role): Promise<TestUser> {
  const email = `${role.toLowerCase()}-${unique()}@test.example`;
  const user = await server.plugins.users.service.create(organizationId, {
    email,
    name: `${role} ${unique()}`,
    role,
    password: TEST_PASSWORD,
  });
  // Each login from its own address, so per-address failure counts never leak between tests.
  const res = await login(server, email, TEST_PASSWORD, `10.1.${counter % 250}.${(counter * 7) % 250}`);
  if (res.statusCode !== 200) throw new Error(`login failed for fixture user: ${res.statusCode}`);
  return { id: user.id, email, role, token: (res.result as { token: string }).token };
}

export async function createOrganization(server: Server): Promise<TestOrganization> {
  const org = await server.plugins.organizations.service.createOrganization(`Test District ${unique()}`);
  const school = await server.plugins.organizations.service.createSchool(org.id, {
    name: `School ${unique()}`,
  });
  return {
    id: org.id,
    schoolId: school.id,
    admin: await createUser(server, org.id, 'ADMIN'),
    nurse: await createUser(server, org.id, 'NURSE'),
    viewer: await createUser(server, org.id, 'VIEWER'),
  };
}

export const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });

/** The Actor a service or demo seed takes, for the organization's user of that role. */
export function actorFor(org: TestOrganization, role: Role = 'ADMIN'): Actor {
  const user = { ADMIN: org.admin, NURSE: org.nurse, VIEWER: org.viewer }[role];
  return { userId: user.id, organizationId: org.id, role, ip: null, userAgent: 'test seed' };
}

export function studentPayload(overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Jordan',
    lastName: `Tester${unique()}`,
    dateOfBirth: '2015-04-12',
    grade: '4',
    ...overrides,
  };
}

/** A student of the organization, created through the API as a nurse would. */
export async function createStudent(
  server: Server,
  org: TestOrganization,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; firstName: string; lastName: string; dateOfBirth: string; grade: string }> {
  const res = await server.inject({
    method: 'POST',
    url: '/api/v1/students',
    headers: bearer(org.nurse),
    payload: studentPayload({ schoolId: org.schoolId, ...overrides }),
  });
  if (res.statusCode !== 201) throw new Error(`fixture student refused: ${res.statusCode} ${res.payload}`);
  return res.result as {
    id: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    grade: string;
  };
}

/** `count` students made through the API, read back as the demo seeds take them. */
export async function createStudents(
  server: Server,
  org: TestOrganization,
  count: number,
): Promise<StudentView[]> {
  const students: StudentView[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await createStudent(server, org);
    students.push(await server.plugins.students.service.assertExists(org.id, created.id));
  }
  return students;
}
