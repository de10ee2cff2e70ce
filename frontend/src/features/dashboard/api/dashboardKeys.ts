/** Keys of the dashboard's own queries; socket events invalidate them by panel. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  alerts: () => [...dashboardKeys.all, 'alerts'] as const,
  appointments: () => [...dashboardKeys.all, 'appointments'] as const,
  incidents: () => [...dashboardKeys.all, 'incidents'] as const,
  inventory: () => [...dashboardKeys.all, 'inventory'] as const,
  lowStock: () => [...dashboardKeys.inventory(), 'low-stock'] as const,
  expiring: () => [...dashboardKeys.inventory(), 'expiring'] as const,
  compliance: () => [...dashboardKeys.all, 'compliance'] as const,
};
