/** Keys of the queries this feature owns. */
export const integrationKeys = {
  all: ['integrations'] as const,
  statuses: () => [...integrationKeys.all, 'statuses'] as const,
  sisRuns: () => [...integrationKeys.all, 'sis', 'runs'] as const,
};
