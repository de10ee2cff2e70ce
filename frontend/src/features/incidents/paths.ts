export const incidentsPaths = {
  incidents: '/incidents',
  /** Route pattern for one incident; build links with incidentPath(). */
  incident: '/incidents/:incidentId',
} as const;

export function incidentPath(incidentId: string): string {
  return `${incidentsPaths.incidents}/${encodeURIComponent(incidentId)}`;
}
