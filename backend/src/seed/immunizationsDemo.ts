/**
 * Demo immunization histories: fictional, deterministic, recorded through the service so they
 * obey every rule real data does. Most students are complete; a share is missing a dose, one
 * in ten has an exemption, one in ten has nothing on file, so the compliance report has
 * something to show in every column.
 */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../infrastructure/http/actor.js';
import type { RecordImmunizationInput } from '../modules/immunizations/index.js';
import type { StudentView } from '../modules/students/index.js';

/** [CVX code, age in months at the dose], on the ACIP childhood schedule. */
type Dose = [cvx: string, ageMonths: number];

const CHILDHOOD: readonly Dose[] = [
  ['08', 0],
  ['110', 2], // DTaP-HepB-IPV counts toward all three series
  ['110', 4],
  ['110', 6],
  ['94', 12], // MMRV: MMR 1 and Varicella 1
  ['20', 15],
  ['130', 54], // DTaP-IPV at 4.5 years: DTaP 5, Polio 4
  ['94', 54],
];
const ADOLESCENT: readonly Dose[] = [
  ['115', 136],
  ['114', 136],
];
const LOTS = ['A7K2', 'B19Q', 'C3M8', 'D44T', 'E5R1'];
const MVX: Record<string, string> = { '110': 'SKB', '130': 'SKB', '20': 'PMC', '94': 'MSD', '08': 'MSD' };

function atAge(dateOfBirth: string, months: number): string {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1 + months, d!)).toISOString().slice(0, 10);
}

/** Which doses a student has on file: the share decides the demo's compliance mix. */
function historyFor(index: number, grade: string): readonly Dose[] {
  const adolescent = ['7', '8', '9', '10', '11', '12'].includes(grade);
  const full = adolescent && index % 4 !== 1 ? [...CHILDHOOD, ...ADOLESCENT] : CHILDHOOD;
  switch (index % 10) {
    case 3: // the 4-6 year boosters never arrived
      return full.filter(([, months]) => months !== 54);
    case 7: // medically or religiously exempt from the live vaccines: none on file
      return full.filter(([cvx]) => cvx !== '94');
    case 9: // nothing on file yet
      return [];
    default:
      return full;
  }
}

export async function seedImmunizationsDemo(
  server: Server,
  actor: Actor,
  students: StudentView[],
): Promise<void> {
  const { service } = server.plugins.immunizations;
  const today = new Date().toISOString().slice(0, 10);
  for (const [index, student] of students.entries()) {
    for (const [n, [cvxCode, months]] of historyFor(index, student.grade).entries()) {
      const administeredOn = atAge(student.dateOfBirth, months);
      if (administeredOn > today) continue;
      const input: RecordImmunizationInput = {
        cvxCode,
        administeredOn,
        source: 'HISTORICAL',
        lotNumber: LOTS[(index + n) % LOTS.length]!,
        mvxCode: MVX[cvxCode] ?? null,
      };
      await service.recordImmunization(actor, student.id, input);
    }
    if (index % 10 === 7) {
      for (const series of ['MMR', 'Varicella'] as const) {
        await service.recordExemption(actor, student.id, {
          series,
          type: index % 20 === 7 ? 'MEDICAL' : 'RELIGIOUS',
          expiresOn: null,
          notes: 'Signed form on file (demo)',
        });
      }
    }
  }
}
