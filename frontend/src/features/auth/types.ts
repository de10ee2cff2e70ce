export type Role = 'ADMIN' | 'NURSE' | 'VIEWER';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
}

export interface LoginCredentials {
  email: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  idleLogoutMinutes?: number;
  user: User;
}
