/** One queue's counts as GET /api/v1/admin/queues answers them. */
export interface QueueSummary {
  name: string;
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
  paused: boolean;
}

export interface QueueStatsResponse {
  data: QueueSummary[];
}

export type UserRole = 'ADMIN' | 'NURSE' | 'VIEWER';

export const USER_ROLES: readonly UserRole[] = ['ADMIN', 'NURSE', 'VIEWER'];

/** One account as GET /api/v1/admin/users lists it. */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  organizationId: string;
  isActive: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** POST /api/v1/admin/users: the server takes a first password (no invitations). */
export interface CreateUserInput {
  name: string;
  email: string;
  role: UserRole;
  password: string;
}

/** PATCH /api/v1/admin/users/{id}: any of these, at least one. */
export interface UpdateUserInput {
  name?: string;
  role?: UserRole;
  isActive?: boolean;
  password?: string;
}

/** One row of GET /api/v1/admin/audit-log (identifiers and counts only, never health data). */
export interface AuditRecord {
  id: string;
  /** The row's number in the organization's hash chain; the chain check names it when broken. */
  seq: string;
  organizationId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}

export interface AuditPage {
  data: AuditRecord[];
  page: number;
  pageSize: number;
  total: number;
}

/** The filters GET /api/v1/admin/audit-log takes; empty ones are left out of the query. */
export interface AuditQuery {
  /** ISO instants. */
  from?: string;
  to?: string;
  userId?: string;
  studentId?: string;
  action?: string;
  page: number;
  pageSize: number;
}

export type ChainBreakReason = 'hash mismatch' | 'link mismatch' | 'gap in sequence';

/** GET /api/v1/admin/audit-log/verify: the organization's chain, recomputed row by row. */
export interface ChainVerification {
  chain: string;
  rowsChecked: number;
  valid: boolean;
  firstBroken: { id: string; seq: string; reason: ChainBreakReason | string } | null;
}
