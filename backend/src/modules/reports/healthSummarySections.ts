/**
 * The sections of a student's health summary, mapped field by field from what the health
 * record, medications and immunizations modules hold: what the template prints and nothing
 * else (no free-text notes, no exemption types, no record ids).
 */
import type {
  AllergyEntry,
  ConditionEntry,
  EmergencyContactEntry,
  ImmunizationSummary,
  MedicationEntry,
  StudentHealthSummaryInput,
} from '../../services/pdf/index.js';
import type { ImmunizationSection } from '../immunizations/index.js';

export interface HealthSummarySources {
  allergies: readonly AllergyEntry[];
  conditions: readonly ConditionEntry[];
  contacts: readonly EmergencyContactEntry[];
  prescriptions: readonly MedicationEntry[];
  immunization: ImmunizationSection;
}

type Sections = Pick<
  StudentHealthSummaryInput,
  'allergies' | 'conditions' | 'emergencyContacts' | 'medications' | 'immunizations'
>;

export function healthSummarySections(sources: HealthSummarySources): Sections {
  return {
    allergies: sources.allergies.map((a) => ({
      allergen: a.allergen,
      allergyType: a.allergyType,
      severity: a.severity,
      reactions: a.reactions,
      emergencyProtocol: a.emergencyProtocol ?? null,
      epiPenRequired: a.epiPenRequired ?? false,
      epiPenLocation: a.epiPenLocation ?? null,
      epiPenExpiresOn: a.epiPenExpiresOn ?? null,
    })),
    conditions: sources.conditions.map((c) => ({
      condition: c.condition,
      icd10Code: c.icd10Code ?? null,
      status: c.status,
      actionPlan: c.actionPlan ?? null,
      accommodations: c.accommodations ?? null,
      triggers: c.triggers ?? [],
    })),
    emergencyContacts: sources.contacts.map((c) => ({
      name: c.name,
      relationship: c.relationship,
      priority: c.priority,
      phones: c.phones.map((p) => ({ type: p.type, number: p.number })),
      email: c.email ?? null,
      canPickUp: c.canPickUp,
    })),
    medications: sources.prescriptions.map((p) => ({
      medication: { name: p.medication.name, strength: p.medication.strength, form: p.medication.form },
      dose: p.dose,
      route: p.route,
      scheduleTimes: p.scheduleTimes,
      prn: p.prn,
      minIntervalMinutes: p.minIntervalMinutes ?? null,
      instructions: p.instructions ?? null,
      prescriber: p.prescriber ?? null,
    })),
    immunizations: immunizationSummary(sources.immunization),
  };
}

function immunizationSummary(section: ImmunizationSection): ImmunizationSummary {
  const { compliance } = section;
  return {
    compliance: { status: compliance.status, asOf: compliance.asOf, series: compliance.series },
    records: section.records.map((r) => ({
      vaccineName: r.vaccineName,
      cvxCode: r.cvxCode,
      administeredOn: r.administeredOn,
      doseNumber: r.doseNumber,
    })),
    exemptions: section.exemptions.map((e) => ({ series: e.series, expiresOn: e.expiresOn })),
  };
}
