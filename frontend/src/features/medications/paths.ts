export const medicationsPaths = {
  /** Today's medication administration record across the organization. */
  medications: '/medications',
} as const;
