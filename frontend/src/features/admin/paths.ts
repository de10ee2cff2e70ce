// The admin pages' routes. Not under /admin/: the server keeps that prefix for its own pages
// (the queue dashboard), so the SPA would not be served there on a reload.
export const adminPaths = {
  users: '/users',
  auditLog: '/audit-log',
  jobs: '/jobs',
} as const;
