export const reportsPaths = {
  reports: '/reports',
} as const;
