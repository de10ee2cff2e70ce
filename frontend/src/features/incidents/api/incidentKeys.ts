import type { IncidentListQuery } from '../types';

/** Keys of the incident queries this feature owns (lists, one report). */
export const incidentKeys = {
  all: ['incidents'] as const,
  lists: () => [...incidentKeys.all, 'list'] as const,
  list: (query: IncidentListQuery) => [...incidentKeys.lists(), query] as const,
  detail: (incidentId: string) => [...incidentKeys.all, 'detail', incidentId] as const,
  /** The organization's schools, for the school filter. */
};
