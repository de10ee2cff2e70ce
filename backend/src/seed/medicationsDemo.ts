/**
 * Fictional prescriptions for the demo district: about one student in four takes something
 * at school. PRN orders get one dose recorded earlier today and scheduled ones a missed dose
 * yesterday, so the MAR, the profile and the due list have something to show.
 */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../infrastructure/http/actor.js';
import type { CreatePrescriptionInput } from '../modules/medications/index.js';
import type { StudentView } from '../modules/students/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

type Order = Omit<CreatePrescriptionInput, 'startDate' | 'dosesOnHand' | 'parentConsentOnFile'>;

const ORDERS: readonly Order[] = [
  {
    medication: { name: 'Albuterol HFA', form: 'INHALER', strength: '90 mcg/actuation', ndc: '0173-0682-20' },
    dose: '2 puffs',
    route: 'INHALED',
    prn: true,
    minIntervalMinutes: 240,
    prescriber: 'Dr. Helen Okoye',
    instructions: 'For wheezing or shortness of breath; may repeat after 4 hours.',
  },
  {
    medication: { name: 'Methylphenidate', form: 'TABLET', strength: '10 mg', controlledSchedule: 'II' },
    dose: '10 mg',
    route: 'ORAL',
    scheduleTimes: ['12:00'],
    prescriber: 'Dr. Samuel Brandt',
    instructions: 'Give with lunch. Count remaining tablets at each dose.',
  },
  {
    medication: { name: 'Cetirizine', form: 'TABLET', strength: '10 mg' },
    dose: '10 mg',
    route: 'ORAL',
    scheduleTimes: ['08:30'],
    prescriber: 'Dr. Priya Natarajan',
    instructions: 'Seasonal allergies.',
  },
  {
    medication: { name: 'Acetaminophen', form: 'LIQUID', strength: '160 mg/5 mL' },
    dose: '10 mL',
    route: 'ORAL',
    prn: true,
    minIntervalMinutes: 360,
    prescriber: 'Dr. Helen Okoye',
    instructions: 'For fever over 100.4 F or pain; call parent after giving.',
  },
  {
    medication: { name: 'Insulin lispro', form: 'INJECTION', strength: '100 units/mL' },
    dose: '2 units',
    route: 'SUBCUTANEOUS',
    scheduleTimes: ['11:45'],
    prescriber: 'Dr. Maria Espinoza',
    instructions: 'Before lunch per diabetes care plan; check glucose first.',
  },
];

export async function seedMedicationsDemo(
  server: Server,
  actor: Actor,
  students: StudentView[],
): Promise<void> {
  const { prescriptions, administrations } = server.plugins.medications;
  const now = Date.now();
  for (let i = 1; i < students.length; i += 4) {
    const studentId = students[i]!.id;
    const order = ORDERS[Math.floor(i / 4) % ORDERS.length]!;
    const prescription = await prescriptions.create(actor, studentId, {
      ...order,
      startDate: new Date(now - (20 + (i % 30)) * DAY_MS),
      parentConsentOnFile: true,
      dosesOnHand: 20 + (i % 10),
    });
    if (order.prn) {
      try {
        await administrations.record(actor, studentId, prescription.id, {
          status: 'GIVEN',
          dose: order.dose,
          route: order.route,
          administeredAt: new Date(now - (1 + (i % 3)) * HOUR_MS),
          notes: 'Symptoms eased within 20 minutes.',
        });
      } catch (error) {
        // A recorded allergy refuses the dose, as it should; the demo carries on without it.
        if ((error as { statusCode?: number }).statusCode !== 422) throw error;
      }
    } else {
      await administrations.record(actor, studentId, prescription.id, {
        status: 'MISSED',
        administeredAt: new Date(now - DAY_MS),
        reason: 'Student absent',
      });
    }
  }
}
