/** Keys of the incident queries this feature owns (lists, one report). */
export const incidentKeys = {
  all: ['incidents'] as const,
};
