import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type {
  AdministrationRecordQuery,
  AdministrationRecordService,
} from './AdministrationRecordService.js';
import type { AdministrationService, RecordAdministrationInput } from './AdministrationService.js';
import type { DueDoseService, DueQuery } from './DueDoseService.js';
import type { FormularyService, MedicationInput, MedicationQuery } from './FormularyService.js';
import type {
  CreatePrescriptionInput,
  PrescriptionService,
  UpdatePrescriptionInput,
} from './PrescriptionService.js';
import {
  administrationRecordQuery,
  createAdministrationPayload,
  createMedicationPayload,
  createPrescriptionPayload,
  dueQuery,
  listMedicationsQuery,
  prescriptionParams,
  studentIdParams,
  updatePrescriptionPayload,
} from './schemas.js';
import { asDateOnly } from './views.js';

export interface MedicationServices {
  formulary: FormularyService;
  prescriptions: PrescriptionService;
  administrations: AdministrationService;
  due: DueDoseService;
  record: AdministrationRecordService;
}

export function medicationRoutes(services: MedicationServices): ServerRoute[] {
  const { formulary, prescriptions, administrations, due, record } = services;
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
      // Today's scheduled doses with nothing recorded, due now or overdue: `?window=` (minutes
      // either side, default the organization's dose window) `&schoolId=` (another
      // organization's school: 404). Each row: studentId, studentName, student { id,
      // firstName, lastName, schoolId }, prescriptionId, medication, dose, route, scheduledFor,
      // status (DUE or OVERDUE).
      method: 'GET',
      path: '/api/v1/medications/due',
      options: { auth: requirePermission('medications:read'), validate: { query: dueQuery } },
      handler: (request) => due.list(actorFrom(request), request.query as DueQuery),
    },
    {
      // The day's medication administration record: every scheduled dose of the day across the
      // organization (or `schoolId`; another organization's school: 404), in the organization's
      // time zone. `?date=YYYY-MM-DD` (default today there) `&status=` (repeatable: GIVEN,
      // REFUSED, MISSED, HELD, DUE, OVERDUE, UPCOMING) `&page=&pageSize=` (default 100, at most
      // 500). Answers { date, timeZone, windowMinutes, counts (per status, the whole day),
      // data, page, pageSize, total }, each dose { student { id, firstName, lastName,
      // schoolId }, prescription { id, medication, dose, route }, scheduledFor, status,
      // administration (the standing entry filed under it: id, status, administeredAt, dose,
      // route, reason, witnessUserId, administeredBy { id, name }) or null }, ordered by time
      // then student. A dose is recorded against its slot by POSTing its scheduledFor.
      method: 'GET',
      path: '/api/v1/medications/administration-record',
      options: {
        auth: requirePermission('medications:read'),
        validate: { query: administrationRecordQuery },
      },
      handler: (request) => {
        const query = request.query as Omit<AdministrationRecordQuery, 'date'> & { date?: Date };
        return record.day(actorFrom(request), {
          ...query,
          date: query.date ? asDateOnly(query.date) : undefined,
        });
      },
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
      // Records a dose (or a refusal, miss or hold). `scheduledFor` names the scheduled dose it
      // answers: 400 unless it is one of the prescription's slots on a day of its course (not
      // a later day; never for PRN), 409 if a standing entry already answers that slot (correct
      // it instead). Without it the entry is filed under the slot nearest to administeredAt.
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
