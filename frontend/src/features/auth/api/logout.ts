import { apiRequest } from '@/services/api/apiClient';

/**
 * Revokes a session on the server. The caller passes the token it captured before clearing
 * local state, so the screen can be emptied first and this request can fail harmlessly.
 */
export function logout(token: string): Promise<void> {
  return apiRequest<void>('/api/v1/auth/logout', { method: 'POST', token });
}
