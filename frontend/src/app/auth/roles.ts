import type { Role } from '@/features/auth/types';

// Mirrors the server's permission table; the server still refuses anyone else with a 403.
export const CLINICAL_STAFF: readonly Role[] = ['ADMIN', 'NURSE'];
