/** Keys of the report queries this feature owns. */
export const reportKeys = {
  all: ['reports'] as const,
  details: () => [...reportKeys.all, 'detail'] as const,
  detail: (reportId: string) => [...reportKeys.details(), reportId] as const,
};
