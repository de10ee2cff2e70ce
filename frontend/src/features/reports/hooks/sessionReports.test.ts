import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { endSession, startSession } from '@/services/session/sessionStore';
import { rememberReport, useSessionReports } from './sessionReports';

const report = (id: string) => ({
  id,
  reportType: 'medication-log' as const,
  requestedAt: '2026-03-02T10:00:00Z',
});

describe('this session’s queued reports', () => {
  it('lists the newest first, once each, and forgets them all at sign-out', () => {
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const { result } = renderHook(() => useSessionReports());
    expect(result.current).toEqual([]);

    act(() => rememberReport(report('r1')));
    act(() => rememberReport(report('r2')));
    act(() => rememberReport(report('r1')));
    expect(result.current.map((known) => known.id)).toEqual(['r1', 'r2']);

    act(() => endSession());
    expect(result.current).toEqual([]);
  });

  it('survives a reload of the page (it is kept in sessionStorage), ignoring anything malformed', () => {
    sessionStorage.setItem(
      'whiteCross.queuedReports',
      JSON.stringify([report('r1'), { id: 'r2', reportType: 'unknown' }, 'junk']),
    );
    const { result } = renderHook(() => useSessionReports());
    expect(result.current).toEqual([report('r1')]);

    sessionStorage.setItem('whiteCross.queuedReports', '{not json');
    const { result: after } = renderHook(() => useSessionReports());
    expect(after.current).toEqual([]);
  });
});
