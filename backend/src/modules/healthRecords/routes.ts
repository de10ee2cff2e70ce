/** Thin routes: validate, authorize, call the service, shape the answer. */
import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { CreateAllergyInput, UpdateAllergyInput } from './AllergyService.js';
import type { CreateConditionInput, UpdateConditionInput } from './ConditionService.js';
import type { CreateEmergencyContactInput } from './EmergencyContactService.js';
import type { CreateScreeningInput } from './ScreeningService.js';
import {
  allergyParams,
  conditionParams,
  createAllergyPayload,
  createConditionPayload,
  createEmergencyContactPayload,
  createScreeningPayload,
  listAllergiesQuery,
  studentParams,
  updateAllergyPayload,
  updateConditionPayload,
} from './schemas.js';
import type { HealthRecordServices } from './services.js';

const STUDENT = '/api/v1/students/{id}';
const read = requirePermission('health-records:read');
const readDetail = requirePermission('health-records:read-detail');
const write = requirePermission('health-records:write');

export function healthRecordRoutes(s: HealthRecordServices): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: `${STUDENT}/allergies`,
      options: { auth: read, validate: { params: studentParams, query: listAllergiesQuery } },
      handler: (request) =>
        s.allergies.list(actorFrom(request), request.params.id as string, {
          includeInactive: request.query.includeInactive as boolean,
        }),
    },
    {
      method: 'POST',
      path: `${STUDENT}/allergies`,
      options: { auth: write, validate: { params: studentParams, payload: createAllergyPayload } },
      async handler(request, h) {
        const input = request.payload as CreateAllergyInput;
        const allergy = await s.allergies.create(actorFrom(request), request.params.id as string, input);
        return h.response(allergy).code(201);
      },
    },
    {
      method: 'PATCH',
      path: `${STUDENT}/allergies/{allergyId}`,
      options: { auth: write, validate: { params: allergyParams, payload: updateAllergyPayload } },
      handler: (request) =>
        s.allergies.update(
          actorFrom(request),
          request.params.id as string,
          request.params.allergyId as string,
          request.payload as UpdateAllergyInput,
        ),
    },
    {
      method: 'GET',
      path: `${STUDENT}/conditions`,
      options: { auth: read, validate: { params: studentParams } },
      handler: (request) => s.conditions.list(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: `${STUDENT}/conditions`,
      options: { auth: write, validate: { params: studentParams, payload: createConditionPayload } },
      async handler(request, h) {
        const input = request.payload as CreateConditionInput;
        const condition = await s.conditions.create(actorFrom(request), request.params.id as string, input);
        return h.response(condition).code(201);
      },
    },
    {
      method: 'PATCH',
      path: `${STUDENT}/conditions/{conditionId}`,
      options: { auth: write, validate: { params: conditionParams, payload: updateConditionPayload } },
      handler: (request) =>
        s.conditions.update(
          actorFrom(request),
          request.params.id as string,
          request.params.conditionId as string,
          request.payload as UpdateConditionInput,
        ),
    },
    {
      method: 'GET',
      path: `${STUDENT}/emergency-contacts`,
      options: { auth: readDetail, validate: { params: studentParams } },
      handler: (request) => s.emergencyContacts.list(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: `${STUDENT}/emergency-contacts`,
      options: { auth: write, validate: { params: studentParams, payload: createEmergencyContactPayload } },
      async handler(request, h) {
        const input = request.payload as CreateEmergencyContactInput;
        const contact = await s.emergencyContacts.create(
          actorFrom(request),
          request.params.id as string,
          input,
        );
        return h.response(contact).code(201);
      },
    },
    {
      method: 'GET',
      path: `${STUDENT}/screenings`,
      options: { auth: read, validate: { params: studentParams } },
      handler: (request) => s.screenings.list(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: `${STUDENT}/screenings`,
      options: { auth: write, validate: { params: studentParams, payload: createScreeningPayload } },
      async handler(request, h) {
        const input = request.payload as CreateScreeningInput;
        const screening = await s.screenings.create(actorFrom(request), request.params.id as string, input);
        return h.response(screening).code(201);
      },
    },
  ];
}
