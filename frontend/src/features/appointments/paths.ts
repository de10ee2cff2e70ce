export const appointmentsPaths = {
  /** `?view=day|week&date=YYYY-MM-DD` keeps the calendar's place across reloads and links. */
  appointments: '/appointments',
} as const;
