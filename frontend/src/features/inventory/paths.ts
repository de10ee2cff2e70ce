export const inventoryPaths = {
  inventory: '/inventory',
  /** Route pattern for one item; build links with inventoryItemPath(). */
  item: '/inventory/:itemId',
} as const;

export function inventoryItemPath(itemId: string): string {
  return `${inventoryPaths.inventory}/${encodeURIComponent(itemId)}`;
}
