import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/config/paths';
import { adminPaths } from '@/features/admin/paths';
import { integrationsPaths } from '@/features/integrations/paths';
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
      { index: true, element: <Navigate to={paths.students} replace /> },
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
