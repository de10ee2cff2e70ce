import type { RegistryStatus } from '../types';

const LABELS: Record<string, string> = {
  ACCEPTED: 'Accepted',
  ERROR: 'Error',
  REJECTED: 'Rejected',
  PENDING: 'Pending',
  IMPORTED: 'From the registry',
};

// The badge colours the app already uses for good, needs-attention and bad; the word carries the meaning.
const TONES: Record<string, string> = {
  ACCEPTED: 'status-compliant',
  IMPORTED: 'status-compliant',
  PENDING: 'status-due',
  ERROR: 'status-overdue',
  REJECTED: 'status-overdue',
};

export function registryStatusLabel(registry: RegistryStatus | null): string {
  if (!registry) return 'Not sent';
  return LABELS[registry.status] ?? registry.status;
}

/**
 * One record's standing with the state registry, in words: Accepted, Pending, Not sent, or
 * Error / Rejected followed by what the registry said, so the nurse knows what to correct.
 */
export function RegistryStatusText({ registry }: { registry: RegistryStatus | null }) {
  const label = registryStatusLabel(registry);
  const problem = registry?.status === 'ERROR' || registry?.status === 'REJECTED';
  return (
    <span className="stack">
      <span className={`badge ${(registry && TONES[registry.status]) ?? ''}`.trim()}>{label}</span>
      {problem && registry?.errorText && (
        <span>
          <span className="visually-hidden">The registry said: </span>
          {registry.errorText}
        </span>
      )}
    </span>
  );
}
