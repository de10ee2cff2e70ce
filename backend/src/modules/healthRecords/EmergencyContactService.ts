/**
 * Whom to call for a student, in order. Contact details are beyond the minimum necessary:
 * only roles with detail access read them (the route says so; the profile leaves them out).
 */
import type { Actor } from '../../infrastructure/http/actor.js';
import { readForStudent, writeForStudent, type HealthRecordContext } from './context.js';
import type { Phone } from './models.js';
import { conflictOnDuplicate } from './rules.js';
import { emergencyContactView, type EmergencyContactView } from './views.js';

export interface CreateEmergencyContactInput {
  name: string;
  relationship: string;
  /** 1 is called first; unique per student. */
  priority: number;
  phones: Phone[];
  email?: string | null;
  canPickUp: boolean;
  notes?: string | null;
}

const ENTITY = 'emergency-contact';

export class EmergencyContactService {
  constructor(private readonly ctx: HealthRecordContext) {}

  private get EmergencyContact() {
    return this.ctx.models.EmergencyContact;
  }

  list(actor: Actor, studentId: string): Promise<EmergencyContactView[]> {
    return readForStudent(this.ctx, actor, studentId, ENTITY, () =>
      this.inCallingOrder(actor.organizationId, studentId),
    );
  }

  async inCallingOrder(organizationId: string, studentId: string): Promise<EmergencyContactView[]> {
    const rows = await this.EmergencyContact.findAll({
      where: { organizationId, studentId },
      order: [['priority', 'ASC']],
    });
    return rows.map(emergencyContactView);
  }

  create(actor: Actor, studentId: string, input: CreateEmergencyContactInput): Promise<EmergencyContactView> {
    return conflictOnDuplicate('This student already has an emergency contact with this priority', () =>
      writeForStudent(this.ctx, actor, studentId, async (transaction) => {
        const row = await this.EmergencyContact.create(
          { ...input, organizationId: actor.organizationId, studentId },
          { transaction },
        );
        await this.ctx
          .audit()
          .recordFor(actor, `${ENTITY}.create`, { type: ENTITY, id: row.id }, { studentId }, transaction);
        return emergencyContactView(row);
      }),
    );
  }
}
