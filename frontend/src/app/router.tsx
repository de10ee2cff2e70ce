import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/config/paths';
import { adminPaths } from '@/features/admin/paths';
import { appointmentsPaths } from '@/features/appointments/paths';
import { immunizationsPaths } from '@/features/immunizations/paths';
import { incidentsPaths } from '@/features/incidents/paths';
import { integrationsPaths } from '@/features/integrations/paths';
import { inventoryPaths } from '@/features/inventory/paths';
import { medicationsPaths } from '@/features/medications/paths';
import { reportsPaths } from '@/features/reports/paths';
import { StudentList } from '@/features/students/components/StudentList';
import { RequireAuth } from './auth/RequireAuth';
import { AlertsRoute } from './routes/AlertsRoute';
import { LoginRoute } from './routes/LoginRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { RouteError } from './routes/RouteError';

// Split out of the first bundle: the list is where every session starts.
const StudentProfileRoute = lazy(() =>
  import('./routes/StudentProfileRoute').then((module) => ({ default: module.StudentProfileRoute })),
);
// Admins only, and seldom: no reason for everyone to download it.
const JobsPage = lazy(() =>
  import('@/features/admin/components/JobsPage').then((module) => ({ default: module.JobsPage })),
);

// Admins only: accounts and the audit log.
const UsersRoute = lazy(() =>
  import('./routes/UsersRoute').then((module) => ({ default: module.UsersRoute })),
);
const AuditLogPage = lazy(() =>
  import('@/features/admin/components/AuditLogPage').then((module) => ({ default: module.AuditLogPage })),
);

// District-wide compliance: a few times a week, not every visit.
const ImmunizationsPage = lazy(() =>
  import('@/features/immunizations/components/ImmunizationsPage').then((module) => ({
    default: module.ImmunizationsPage,
  })),
);

// Reports are asked for now and then, not on every visit.
const ReportsPage = lazy(() =>
  import('@/features/reports/components/ReportsPage').then((module) => ({ default: module.ReportsPage })),
);

// Admins only, like the Jobs page.
const IntegrationsPage = lazy(() =>
  import('@/features/integrations/components/IntegrationsPage').then((module) => ({
    default: module.IntegrationsPage,
  })),
);

// The home page; its panels load on their own, so the shell shows at once.
const DashboardRoute = lazy(() =>
  import('./routes/DashboardRoute').then((module) => ({ default: module.DashboardRoute })),
);

// Today's MAR.
const MedicationsRoute = lazy(() =>
  import('./routes/MedicationsRoute').then((module) => ({ default: module.MedicationsRoute })),
);

// Incidents, appointments and inventory: one chunk each (list and detail share it).
const IncidentsRoute = lazy(() =>
  import('./routes/IncidentsRoute').then((module) => ({ default: module.IncidentsRoute })),
);
const IncidentRoute = lazy(() =>
  import('./routes/IncidentsRoute').then((module) => ({ default: module.IncidentRoute })),
);
const AppointmentsRoute = lazy(() =>
  import('./routes/AppointmentsRoute').then((module) => ({ default: module.AppointmentsRoute })),
);
const InventoryRoute = lazy(() =>
  import('./routes/InventoryRoute').then((module) => ({ default: module.InventoryRoute })),
);
const InventoryItemRoute = lazy(() =>
  import('./routes/InventoryRoute').then((module) => ({ default: module.InventoryItemRoute })),
);

const pageLoading = (
  <p className="muted" role="status">
    Loading…
  </p>
);

// Exported so tests can mount the same tree in a memory router.
export const appRoutes: RouteObject[] = [
  { path: paths.login, element: <LoginRoute />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to={paths.dashboard} replace /> },
      {
        path: paths.dashboard,
        element: (
          <Suspense fallback={pageLoading}>
            <DashboardRoute />
          </Suspense>
        ),
      },
      {
        path: medicationsPaths.medications,
        element: (
          <Suspense fallback={pageLoading}>
            <MedicationsRoute />
          </Suspense>
        ),
      },
      { path: paths.students, element: <StudentList /> },
      {
        path: paths.studentProfile,
        element: (
          <Suspense fallback={pageLoading}>
            <StudentProfileRoute />
          </Suspense>
        ),
      },
      { path: paths.alerts, element: <AlertsRoute /> },
      {
        path: incidentsPaths.incidents,
        element: (
          <Suspense fallback={pageLoading}>
            <IncidentsRoute />
          </Suspense>
        ),
      },
      {
        path: incidentsPaths.incident,
        element: (
          <Suspense fallback={pageLoading}>
            <IncidentRoute />
          </Suspense>
        ),
      },
      {
        path: appointmentsPaths.appointments,
        element: (
          <Suspense fallback={pageLoading}>
            <AppointmentsRoute />
          </Suspense>
        ),
      },
      {
        path: inventoryPaths.inventory,
        element: (
          <Suspense fallback={pageLoading}>
            <InventoryRoute />
          </Suspense>
        ),
      },
      {
        path: inventoryPaths.item,
        element: (
          <Suspense fallback={pageLoading}>
            <InventoryItemRoute />
          </Suspense>
        ),
      },
      {
        path: immunizationsPaths.immunizations,
        element: (
          <Suspense fallback={pageLoading}>
            <ImmunizationsPage />
          </Suspense>
        ),
      },
      {
        path: adminPaths.users,
        element: (
          <Suspense fallback={pageLoading}>
            <UsersRoute />
          </Suspense>
        ),
      },
      {
        path: adminPaths.auditLog,
        element: (
          <Suspense fallback={pageLoading}>
            <AuditLogPage />
          </Suspense>
        ),
      },
      {
        path: adminPaths.jobs,
        element: (
          <Suspense fallback={pageLoading}>
            <JobsPage />
          </Suspense>
        ),
      },
      {
        path: reportsPaths.reports,
        element: (
          <Suspense fallback={pageLoading}>
            <ReportsPage />
          </Suspense>
        ),
      },
      {
        path: integrationsPaths.integrations,
        element: (
          <Suspense fallback={pageLoading}>
            <IntegrationsPage />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return <RouterProvider router={router} />;
}
