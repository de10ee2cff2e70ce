import { humanize } from '@/lib/humanize';
import type { DosePrescription } from '../types';

/** "Ibuprofen 200 mg tablet". */
export function medicationLabel(prescription: Pick<DosePrescription, 'medication'>): string {
  const { name, strength, form } = prescription.medication;
  return [name, strength, form ? humanize(form).toLowerCase() : null].filter(Boolean).join(' ');
}
