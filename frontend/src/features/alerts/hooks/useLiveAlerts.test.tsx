import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { emergencyAlert } from '@/testing/alertFixture';
import { createTestQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import { socketClient } from '@/services/websocket/socketClient';
import { alertKeys } from '../api/alertKeys';
import type { EmergencyAlert } from '../types';
import { useLiveAlerts } from './useLiveAlerts';

function setup(openAlerts: EmergencyAlert[]) {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(alertKeys.open(), openAlerts);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  renderHook(() => useLiveAlerts(), { wrapper });
  socketClient.connect('token-1');
  const socket = fakeSockets.latest();
  socket.serverConnect();
  const openList = () => queryClient.getQueryData<EmergencyAlert[]>(alertKeys.open());
  return { socket, openList };
}

const acknowledgement = { userId: 'u3', userName: 'Lee Park', acknowledgedAt: '2025-01-15T10:01:00Z' };

describe('useLiveAlerts', () => {
  it('appends an acknowledgement to its alert in the open-alerts cache, once', () => {
    const other = { ...emergencyAlert, id: 'a0', createdAt: '2025-01-15T09:00:00Z' };
    const { socket, openList } = setup([emergencyAlert, other]);

    act(() => socket.serverEmit('emergency:alert:acknowledged', { alertId: 'a1', acknowledgement }));
    act(() => socket.serverEmit('emergency:alert:acknowledged', { alertId: 'a1', acknowledgement }));

    expect(openList()?.[0]?.acknowledgements).toEqual([acknowledgement]);
    expect(openList()?.[1]?.acknowledgements).toEqual([]);
  });

  it('puts a new alert first and replaces an escalated one in place', () => {
    const { socket, openList } = setup([emergencyAlert]);
    const newer = { ...emergencyAlert, id: 'a2', createdAt: '2025-01-15T11:00:00Z', location: 'Gym' };

    act(() => socket.serverEmit('emergency:alert', newer));
    expect(openList()?.map((alert) => alert.id)).toEqual(['a2', 'a1']);

    act(() => socket.serverEmit('emergency:alert', { ...emergencyAlert, escalated: true }));
    expect(openList()).toHaveLength(2);
    expect(openList()?.find((alert) => alert.id === 'a1')?.escalated).toBe(true);
  });

  it('keeps known acknowledgements when an alert is re-sent without them', () => {
    const { socket, openList } = setup([{ ...emergencyAlert, acknowledgements: [acknowledgement] }]);
    act(() => socket.serverEmit('emergency:alert', { ...emergencyAlert, escalated: true }));
    expect(openList()?.[0]?.acknowledgements).toEqual([acknowledgement]);
  });

  it('drops a resolved alert from the open list', () => {
    const { socket, openList } = setup([emergencyAlert]);
    act(() => socket.serverEmit('emergency:alert', { ...emergencyAlert, status: 'RESOLVED' }));
    expect(openList()).toEqual([]);
  });
});
