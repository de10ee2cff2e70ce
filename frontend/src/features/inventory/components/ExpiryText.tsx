import { formatCalendarDate } from '@/lib/formatDate';
import type { InventoryItem } from '../types';
import { expiryStatus } from './stockLabels';

/** The current lot's expiry date, with "Expired" or "Expires soon" in words when it applies. */
export function ExpiryText({
  item,
}: {
  item: Pick<InventoryItem, 'expiresOn' | 'expired' | 'expiringSoon'>;
}) {
  if (!item.expiresOn) return <span className="muted">No expiry</span>;
  const status = expiryStatus(item);
  return (
    <>
      <time dateTime={item.expiresOn}>{formatCalendarDate(item.expiresOn)}</time>
      {status && (
        <>
          {' '}
          <span className={`badge ${item.expired ? 'stock-expired' : 'stock-expiring'}`}>{status}</span>
        </>
      )}
    </>
  );
}
