import { useSyncExternalStore } from 'react';
import { subscribeSession } from '@/services/session/sessionStore';
import { REPORT_TYPES, type ReportType } from '../types';

/** A report this tab queued. Ids and types only: never health data in storage. */
export interface SessionReport {
  id: string;
  reportType: ReportType;
  requestedAt: string;
}

// sessionStorage: the list survives a reload and leaving the page, and goes with the tab and
// with sign-out (endSession clears this tab's sessionStorage).
const STORAGE_KEY = 'whiteCross.queuedReports';
/** The newest ones are what anyone is waiting for. */
const MAX_REMEMBERED = 20;

const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cachedList: readonly SessionReport[] = [];

function isSessionReport(value: unknown): value is SessionReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Record<string, unknown>;
  return (
    typeof report.id === 'string' &&
    typeof report.requestedAt === 'string' &&
    (REPORT_TYPES as readonly unknown[]).includes(report.reportType)
  );
}

function parse(raw: string | null): readonly SessionReport[] {
  try {
    const stored: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(stored) ? stored.filter(isSessionReport) : [];
  } catch {
    return [];
  }
}

/** The same array while storage is unchanged, as useSyncExternalStore requires. */
export function getSessionReports(): readonly SessionReport[] {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedList = parse(raw);
  }
  return cachedList;
}

export function rememberReport(report: SessionReport): void {
  const others = getSessionReports().filter((known) => known.id !== report.id);
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify([report, ...others].slice(0, MAX_REMEMBERED)));
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Sign-out clears storage without telling us: the session store does.
  const stopSession = subscribeSession(listener);
  return () => {
    listeners.delete(listener);
    stopSession();
  };
}

/** This tab's queued reports, newest first. */
export function useSessionReports(): readonly SessionReport[] {
  return useSyncExternalStore(subscribe, getSessionReports, getSessionReports);
}
