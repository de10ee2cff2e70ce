import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { AdministrationService, RecordAdministrationInput } from './AdministrationService.js';
import type { DueDoseService } from './DueDoseService.js';
import type { FormularyService, MedicationInput, MedicationQuery } from './FormularyService.js';
import type {
  CreatePrescriptionInput,
  PrescriptionService,
  UpdatePrescriptionInput,
} from './PrescriptionService.js';
import {
  createAdministrationPayload,
  createMedicationPayload,
  createPrescriptionPayload,
  dueQuery,
  listMedicationsQuery,
  prescriptionParams,
  studentIdParams,
  updatePrescriptionPayload,
} from './schemas.js';

export interface MedicationServices {
  formulary: FormularyService;
  prescriptions: PrescriptionService;
  administrations: AdministrationService;
  due: DueDoseService;
}

export function medicationRoutes(services: MedicationServices): ServerRoute[] {
  const { formulary, prescriptions, administrations, due } = services;
  const prescriptionPath = '/api/v1/students/{id}/medications/{prescriptionId}';
  return [
    {
      method: 'GET',
      path: '/api/v1/medications',
      options: { auth: requirePermission('medications:read'), validate: { query: listMedicationsQuery } },
      handler: (request) => formulary.list(actorFrom(request), request.query as unknown as MedicationQuery),
    },
    {
      method: 'POST',
      path: '/api/v1/medications',
      options: {
        auth: requirePermission('medications:write'),
        validate: { payload: createMedicationPayload },
      },
      async handler(request, h) {
        const created = await formulary.create(actorFrom(request), request.payload as MedicationInput);
        return h.response(created).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/medications/due',
      options: { auth: requirePermission('medications:read'), validate: { query: dueQuery } },
      handler: (request) => due.list(actorFrom(request), (request.query as { window?: number }).window),
    },
    {
      method: 'GET',
      path: '/api/v1/students/{id}/medications',
      options: { auth: requirePermission('medications:read'), validate: { params: studentIdParams } },
      handler: (request) => prescriptions.list(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: '/api/v1/students/{id}/medications',
      options: {
        auth: requirePermission('medications:write'),
        validate: { params: studentIdParams, payload: createPrescriptionPayload },
      },
      async handler(request, h) {
        const created = await prescriptions.create(
          actorFrom(request),
          request.params.id as string,
          request.payload as CreatePrescriptionInput,
        );
        return h.response(created).code(201);
      },
    },
    {
      method: 'PATCH',
      path: prescriptionPath,
      options: {
        auth: requirePermission('medications:write'),
        validate: { params: prescriptionParams, payload: updatePrescriptionPayload },
      },
      handler: (request) =>
        prescriptions.update(
          actorFrom(request),
          request.params.id as string,
          request.params.prescriptionId as string,
          request.payload as UpdatePrescriptionInput,
        ),
    },
    {
      method: 'GET',
      path: `${prescriptionPath}/administrations`,
      options: { auth: requirePermission('medications:read'), validate: { params: prescriptionParams } },
      handler: (request) =>
        administrations.history(
          actorFrom(request),
          request.params.id as string,
          request.params.prescriptionId as string,
        ),
    },
    {
      method: 'POST',
      path: `${prescriptionPath}/administrations`,
      options: {
        auth: requirePermission('medications:administer'),
        validate: { params: prescriptionParams, payload: createAdministrationPayload },
      },
      async handler(request, h) {
        const created = await administrations.record(
          actorFrom(request),
          request.params.id as string,
          request.params.prescriptionId as string,
          request.payload as RecordAdministrationInput,
        );
        return h.response(created).code(201);
      },
    },
  ];
}
