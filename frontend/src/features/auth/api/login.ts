import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { LoginCredentials, LoginResponse } from '../types';

export function login(credentials: LoginCredentials): Promise<LoginResponse> {
  // token: null — whatever session is lying around must not be sent with new credentials.
  return apiRequest<LoginResponse>('/api/v1/auth/login', {
    method: 'POST',
    body: credentials,
    token: null,
  });
}

type LoginOptions = Omit<UseMutationOptions<LoginResponse, ApiError, LoginCredentials>, 'mutationFn'>;

export function useLogin(options: LoginOptions = {}) {
  return useMutation<LoginResponse, ApiError, LoginCredentials>({ ...options, mutationFn: login });
}
