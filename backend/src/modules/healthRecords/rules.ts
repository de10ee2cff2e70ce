/**
 * Domain refusals shared by the health-record services. Messages name the rule and never
 * echo the record (it is health data).
 */
import { UniqueConstraintError } from 'sequelize';
import { AppError } from '../../infrastructure/http/AppError.js';

/** A clinical rule refusal: the request was well formed but the record would be wrong. */
export function ruleRefusal(message: string): AppError {
  return new AppError(422, message);
}

/** Runs a write; a unique-index violation (also under a race) becomes a 409 with this message. */
export async function conflictOnDuplicate<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw AppError.conflict(message);
    throw error;
  }
}
