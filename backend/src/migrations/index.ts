/**
 * Every migration, in order. Listed explicitly so the type checker sees them and the
 * compiled build needs no file globbing. Never edit one that has shipped: add a new one.
 */
import { tenancyAndUsers } from './202611280001-tenancy-and-users.js';
import { auditLog } from './202611280002-audit-log.js';
import { students } from './202611280003-students.js';
import { healthRecordsMigration } from './202611280004-health-records.js';
import { medicationsMigration } from './202611280005-medications.js';
import { immunizationsMigration } from './202611280006-immunizations.js';
import { incidentsMigration } from './202611280007-incidents.js';
import { appointmentsMigration } from './202611280008-appointments.js';
import { inventoryMigration } from './202611280009-inventory.js';
import { alertsMigration } from './202611280010-alerts.js';
import { notificationsMigration } from './202611280011-notifications.js';
import { notificationDedupeMigration } from './202611280012-notification-dedupe.js';
import { remindersAndAlertStatesMigration } from './202611280014-reminders-and-alert-states.js';
import { reportResultsMigration } from './202611280015-report-results.js';
import { sisSyncMigration } from './202611280016-sis-sync.js';
import { registrySubmissionsMigration } from './202611280017-registry-submissions.js';
import { medicaidEligibilityMigration } from './202611280018-medicaid-eligibility.js';
import type { Migration } from './Migration.js';

export type { Migration } from './Migration.js';

export const MIGRATIONS: readonly Migration[] = [
  tenancyAndUsers,
  auditLog,
  students,
  healthRecordsMigration,
  medicationsMigration,
  immunizationsMigration,
  incidentsMigration,
  appointmentsMigration,
  inventoryMigration,
  alertsMigration,
  notificationsMigration,
  notificationDedupeMigration,
  remindersAndAlertStatesMigration,
  reportResultsMigration,
  sisSyncMigration,
  registrySubmissionsMigration,
  medicaidEligibilityMigration,
];
