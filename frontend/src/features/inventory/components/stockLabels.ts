import { humanize } from '@/lib/humanize';
import type { InventoryItem, StockTransactionType } from '../types';

export const transactionLabels: Record<StockTransactionType, string> = {
  RECEIVE: 'Received',
  DISPENSE: 'Dispensed',
  ADJUST: 'Adjusted',
  WASTE: 'Disposed of',
};

/** "12 boxes". */
export function quantityText(quantity: number, unit: string): string {
  return `${quantity.toLocaleString()} ${unit}`;
}

/** Words first: "Low stock" or "In stock"; the badge colour only repeats it. */
export function stockStatus(item: Pick<InventoryItem, 'lowStock' | 'quantity'>): {
  text: string;
  className: string;
} {
  if (item.quantity === 0) return { text: 'Out of stock', className: 'badge stock-low' };
  if (item.lowStock) return { text: 'Low stock', className: 'badge stock-low' };
  return { text: 'In stock', className: 'badge' };
}

/** "Expired", "Expires soon" or nothing. */
export function expiryStatus(item: Pick<InventoryItem, 'expired' | 'expiringSoon'>): string | null {
  if (item.expired) return 'Expired';
  if (item.expiringSoon) return 'Expires soon';
  return null;
}

export function categoryText(category: string): string {
  return humanize(category);
}
