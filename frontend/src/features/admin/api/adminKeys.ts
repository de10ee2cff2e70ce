import type { AuditQuery } from '../types';

/** Keys of the admin queries this feature owns. */
export const adminKeys = {
  all: ['admin'] as const,
  queues: () => [...adminKeys.all, 'queues'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  auditLog: () => [...adminKeys.all, 'audit-log'] as const,
  auditPage: (query: AuditQuery) => [...adminKeys.auditLog(), query] as const,
};
