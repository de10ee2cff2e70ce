import { formatDateTime } from '@/lib/formatDate';
import type { AdminUser, UserRole } from '../types';

/** The words the app bar uses for each role. */
export const ROLE_LABELS: Record<UserRole, string> = {
  ADMIN: 'District admin',
  NURSE: 'Nurse',
  VIEWER: 'Viewer',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role as UserRole] ?? role;

export const lastSignInText = (user: AdminUser): string =>
  user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never';
