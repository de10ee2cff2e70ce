import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeSockets } from '@/testing/socketClientMock';
import { socketClient } from './socketClient';
import {
  useAlertAcknowledgements,
  useEmergencyAlerts,
  useHealthNotifications,
  useMedicationReminders,
  useStudentHealthAlerts,
  useWebSocket,
} from './useWebSocket';

function connected() {
  socketClient.connect('token-1');
  const socket = fakeSockets.latest();
  socket.serverConnect();
  return socket;
}

describe('useWebSocket', () => {
  it('follows the connection state', () => {
    const { result } = renderHook(() => useWebSocket());
    expect(result.current).toEqual({ isConnected: false, connectionState: 'DISCONNECTED' });

    act(() => socketClient.connect('token-1'));
    expect(result.current.connectionState).toBe('CONNECTING');

    act(() => fakeSockets.latest().serverConnect());
    expect(result.current).toEqual({ isConnected: true, connectionState: 'CONNECTED' });

    act(() => fakeSockets.latest().serverDisconnect('transport close'));
    expect(result.current).toEqual({ isConnected: false, connectionState: 'RECONNECTING' });
  });
});

describe('event hooks', () => {
  it.each([
    ['emergency:alert', useEmergencyAlerts],
    ['emergency:alert:acknowledged', useAlertAcknowledgements],
    ['health:notification', useHealthNotifications],
    ['student:health:alert', useStudentHealthAlerts],
    ['medication:reminder', useMedicationReminders],
  ] as const)('%s: calls the handler while mounted and unsubscribes on unmount', (event, useHook) => {
    const socket = connected();
    const callback = vi.fn();
    const { unmount } = renderHook(() => useHook(callback));

    socket.serverEmit(event, { id: 'x' });
    expect(callback).toHaveBeenCalledExactlyOnceWith({ id: 'x' });

    unmount();
    socket.serverEmit(event, { id: 'y' });
    expect(callback).toHaveBeenCalledOnce();
  });

  it('calls the latest callback without subscribing again', () => {
    const socket = connected();
    const onSpy = vi.spyOn(socketClient, 'on');
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = renderHook(({ callback }) => useHealthNotifications(callback), {
      initialProps: { callback: first },
    });

    rerender({ callback: second });
    socket.serverEmit('health:notification', { id: 'n1' });

    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    expect(onSpy).toHaveBeenCalledOnce();
  });
});
