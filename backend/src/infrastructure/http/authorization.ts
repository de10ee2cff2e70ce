/**
 * The one permission table. Roles map to permissions; a route names the permission it needs
 * and hapi's scope check answers 403 for a role without it. Every /api/v1 route except login
 * declares one (a test walks the route table to keep it so).
 */
import type { RouteOptions } from '@hapi/hapi';

export const ROLES = ['ADMIN', 'NURSE', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const CLINICAL_STAFF: readonly Role[] = ['ADMIN', 'NURSE'];
const ADMIN_ONLY: readonly Role[] = ['ADMIN'];

export const PERMISSIONS = {
  'session:self': ALL,
  'schools:read': ALL,
  'students:read': ALL,
  'students:write': CLINICAL_STAFF,
  /** Allergies, conditions, screenings: what keeps a child safe, so every role may see it. */
  'health-records:read': ALL,
  /** Notes, emergency contacts and other detail beyond the minimum necessary: not VIEWER. */
  'health-records:read-detail': CLINICAL_STAFF,
  'health-records:write': CLINICAL_STAFF,
  'medications:read': ALL,
  'medications:write': CLINICAL_STAFF,
  'medications:administer': CLINICAL_STAFF,
  'immunizations:read': ALL,
  'immunizations:write': CLINICAL_STAFF,
  'incidents:read': CLINICAL_STAFF,
  'incidents:write': CLINICAL_STAFF,
  'appointments:read': ALL,
  'appointments:write': CLINICAL_STAFF,
  'inventory:read': ALL,
  'inventory:write': CLINICAL_STAFF,
  'alerts:read': ALL,
  'alerts:raise': CLINICAL_STAFF,
  /** Acknowledging says "I have seen it": anyone who can see alerts may say so. */
  'alerts:acknowledge': ALL,
  'notifications:self': ALL,
  /**
   * PDFs without clinical detail beyond what every role already sees (immunization compliance,
   * a custom report of the caller's own rows), and the caller's queued reports.
   */
  'reports:read': ALL,
  /** PDFs of a student's record, the dose log or an incident: contacts, reasons, narratives. Not VIEWER. */
  'reports:read-clinical': CLINICAL_STAFF,
  /** A student's Medicaid id and eligibility answers: billing data, beyond the minimum a VIEWER needs. */
  'medicaid:read': CLINICAL_STAFF,
  /** Asking the payer (an X12 270 leaves the district) and recording the member id. */
  'medicaid:check': CLINICAL_STAFF,
  'users:manage': ADMIN_ONLY,
  'audit:read': ADMIN_ONLY,
  'cache:manage': ADMIN_ONLY,
  'queues:manage': ADMIN_ONLY,
  /** Circuit and rate-limit state of the outbound clients (no data from the systems themselves). */
  'integrations:read': ADMIN_ONLY,
  /** Starting a sync or submission against an outside system. */
  'integrations:manage': ADMIN_ONLY,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsFor(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly Role[]).includes(role),
  );
}

/** Route auth options: the session strategy plus the permission the route needs. */
export function requirePermission(permission: Permission): NonNullable<RouteOptions['auth']> {
  return { strategy: 'session', access: { scope: [permission] } };
}

/** What an authenticated request carries (hapi's credentials, typed by augmentation). */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
}

declare module '@hapi/hapi' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation
  interface UserCredentials extends AuthUser {}
  interface AppCredentials {
    sessionId: string;
  }
}
