/**
 * A nurse cannot be in two scheduled slots at once. The check takes a per-nurse advisory
 * lock first, so two concurrent bookings (or reschedules) cannot both see a free slot; it
 * runs inside the caller's transaction, which holds the lock until it commits.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { AppError } from '../../infrastructure/http/AppError.js';

export const MAX_DURATION_MINUTES = 240;
const MINUTE_MS = 60 * 1000;

export interface SlotRequest {
  organizationId: string;
  nurseId: string;
  startsAt: Date;
  durationMinutes: number;
  /** The appointment being rescheduled, which does not clash with itself. */
  excludeId?: string;
}

export async function assertNurseFree(
  sequelize: Sequelize,
  slot: SlotRequest,
  transaction: Transaction,
): Promise<void> {
  await sequelize.query('SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))', {
    replacements: { key: `appointments:${slot.nurseId}` },
    transaction,
  });
  const endsAt = new Date(slot.startsAt.getTime() + slot.durationMinutes * MINUTE_MS);
  const clash = await sequelize.query(
    `SELECT 1 FROM appointments
      WHERE organization_id = :organizationId AND nurse_id = :nurseId AND status = 'SCHEDULED'
        AND starts_at < :endsAt AND starts_at > :earliestStart
        AND starts_at + duration_minutes * interval '1 minute' > :startsAt
        AND id IS DISTINCT FROM :excludeId
      LIMIT 1`,
    {
      replacements: {
        organizationId: slot.organizationId,
        nurseId: slot.nurseId,
        startsAt: slot.startsAt,
        endsAt,
        excludeId: slot.excludeId ?? null,
        // No slot is longer than the maximum, which bounds the index range scanned.
        earliestStart: new Date(slot.startsAt.getTime() - MAX_DURATION_MINUTES * MINUTE_MS),
      },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  if (clash.length > 0) {
    throw AppError.conflict('The nurse already has a scheduled appointment in this time slot');
  }
}
