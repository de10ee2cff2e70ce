/** Keys of the alert queries this feature owns; socket events update the open list in place. */
export const alertKeys = {
  all: ['alerts'] as const,
  open: () => [...alertKeys.all, 'open'] as const,
};
