/** Keys of the admin queries this feature owns. */
export const adminKeys = {
  all: ['admin'] as const,
  queues: () => [...adminKeys.all, 'queues'] as const,
};
