// Not under /admin/: the server keeps that prefix for its own pages (see features/admin/paths.ts).
export const integrationsPaths = {
  integrations: '/integrations',
} as const;
