/** The module's services, built once per server from one shared context. */
import { AllergyService } from './AllergyService.js';
import { ConditionService } from './ConditionService.js';
import type { HealthRecordContext } from './context.js';
import { EmergencyContactService } from './EmergencyContactService.js';
import { ScreeningService } from './ScreeningService.js';

export interface HealthRecordServices {
  allergies: AllergyService;
  conditions: ConditionService;
  emergencyContacts: EmergencyContactService;
  screenings: ScreeningService;
}

export function createHealthRecordServices(ctx: HealthRecordContext): HealthRecordServices {
  return {
    allergies: new AllergyService(ctx),
    conditions: new ConditionService(ctx),
    emergencyContacts: new EmergencyContactService(ctx),
    screenings: new ScreeningService(ctx),
  };
}
