import type { AdminUser, AuditRecord, ChainVerification } from '../types';

/** The first characters of an id: enough to tell rows apart on screen; the full id is in a title. */
export const shortId = (id: string): string => id.slice(0, 8);

/** "emergency-contact" -> "Emergency contact", "audit_log" -> "Audit log". */
export function entityTypeText(entityType: string): string {
  const words = entityType.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : entityType;
}

/** The student an entry is about: the entity itself, or a sub-record naming it in its details. */
export function auditStudentId(record: AuditRecord): string | null {
  if (record.entityType === 'student' && record.entityId) return record.entityId;
  const id = record.details?.studentId;
  return typeof id === 'string' && id ? id : null;
}

/** Who did it: the user's name, or "System" for the server's own jobs. */
export function auditUserText(record: AuditRecord, usersById: ReadonlyMap<string, AdminUser>): string {
  if (!record.userId) return 'System';
  return usersById.get(record.userId)?.name ?? `Unknown user ${shortId(record.userId)}`;
}

const FAILED_ACTION = /[.-](failure|failed|throttled|refused|denied)$/;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

const reasonText = (value: string) => value.replace(/[-_]+/g, ' ');

export interface AuditOutcome {
  text: string;
  failed: boolean;
}

/**
 * How it went, in words. The log records what happened (a refused request is not an entry),
 * so an entry says "Succeeded" unless its action or details say otherwise.
 */
export function auditOutcome(record: AuditRecord): AuditOutcome {
  const details = record.details ?? {};
  const outcome = text(details.outcome);
  if (outcome) {
    const failed = /fail|error|refus|reject/i.test(outcome);
    return { text: reasonText(outcome).replace(/^./, (c) => c.toUpperCase()), failed };
  }
  if (FAILED_ACTION.test(record.action)) {
    const reason = text(details.reason) ?? text(details.error);
    return { text: reason ? `Failed: ${reasonText(reason)}` : 'Failed', failed: true };
  }
  if (typeof details.valid === 'boolean') {
    return details.valid ? { text: 'Chain intact', failed: false } : { text: 'Chain broken', failed: true };
  }
  const status = text(details.status);
  if (status) {
    return { text: `Answer: ${status}`, failed: /^(ERROR|REJECTED|AE|AR)$/.test(status) };
  }
  return { text: 'Succeeded', failed: false };
}

const BREAK_REASONS: Record<string, string> = {
  'hash mismatch': 'its content no longer matches its hash (it was changed)',
  'link mismatch': 'it does not link to the entry before it',
  'gap in sequence': 'entries before it are missing',
};

/** The chain check's answer as a sentence: intact, or broken at entry N and why. */
export function chainVerificationText(result: ChainVerification): string {
  const checked = `${result.rowsChecked.toLocaleString()} ${result.rowsChecked === 1 ? 'entry' : 'entries'} checked`;
  if (result.valid || !result.firstBroken) {
    return `Intact: ${checked}, none changed or missing.`;
  }
  const { seq, reason } = result.firstBroken;
  return `Broken at entry #${seq}: ${BREAK_REASONS[reason] ?? reason}. ${checked}; entries from #${seq} on cannot be trusted.`;
}
