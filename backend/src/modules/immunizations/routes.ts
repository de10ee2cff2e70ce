import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { ComplianceQuery, ComplianceReportService } from './ComplianceReportService.js';
import type { RuleSet } from './engine/ruleSet.js';
import type {
  ImmunizationService,
  RecordExemptionInput,
  RecordImmunizationInput,
} from './ImmunizationService.js';
import type { RuleSetService } from './RuleSetService.js';
import {
  complianceQuery,
  createExemptionPayload,
  createImmunizationPayload,
  ruleSetSchema,
  statusQuery,
  studentIdParams,
} from './schemas.js';
import { VACCINE_CODES } from './vaccineCodes.js';

export interface ImmunizationServices {
  immunizations: ImmunizationService;
  reports: ComplianceReportService;
  ruleSets: RuleSetService;
}

function studentRoutes({ immunizations }: ImmunizationServices): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/students/{id}/immunizations',
      options: { auth: requirePermission('immunizations:read'), validate: { params: studentIdParams } },
      handler: (request) => immunizations.listImmunizations(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: '/api/v1/students/{id}/immunizations',
      options: {
        auth: requirePermission('immunizations:write'),
        validate: { params: studentIdParams, payload: createImmunizationPayload },
      },
      async handler(request, h) {
        const created = await immunizations.recordImmunization(
          actorFrom(request),
          request.params.id as string,
          request.payload as RecordImmunizationInput,
        );
        return h.response(created).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/students/{id}/immunization-exemptions',
      options: { auth: requirePermission('immunizations:read'), validate: { params: studentIdParams } },
      handler: (request) => immunizations.listExemptions(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: '/api/v1/students/{id}/immunization-exemptions',
      options: {
        auth: requirePermission('immunizations:write'),
        validate: { params: studentIdParams, payload: createExemptionPayload },
      },
      async handler(request, h) {
        const created = await immunizations.recordExemption(
          actorFrom(request),
          request.params.id as string,
          request.payload as RecordExemptionInput,
        );
        return h.response(created).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/students/{id}/immunization-status',
      options: {
        auth: requirePermission('immunizations:read'),
        validate: { params: studentIdParams, query: statusQuery },
      },
      handler: (request) =>
        immunizations.status(
          actorFrom(request),
          request.params.id as string,
          (request.query as { asOf?: string }).asOf,
        ),
    },
  ];
}

function organizationRoutes({ reports, ruleSets }: ImmunizationServices): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/immunizations/compliance',
      options: { auth: requirePermission('immunizations:read'), validate: { query: complianceQuery } },
      handler: (request) => reports.report(actorFrom(request), request.query as ComplianceQuery),
    },
    {
      method: 'GET',
      path: '/api/v1/immunizations/compliance/non-compliant',
      options: { auth: requirePermission('immunizations:read'), validate: { query: complianceQuery } },
      handler: (request) =>
        reports.nonCompliantStudents(actorFrom(request), request.query as ComplianceQuery),
    },
    {
      method: 'GET',
      path: '/api/v1/immunizations/vaccine-codes',
      options: { auth: requirePermission('immunizations:read') },
      handler: () => VACCINE_CODES,
    },
    {
      method: 'GET',
      path: '/api/v1/immunizations/rule-sets',
      options: { auth: requirePermission('immunizations:read') },
      handler: (request) => ruleSets.get(actorFrom(request)),
    },
    {
      method: 'POST',
      path: '/api/v1/immunizations/rule-sets',
      // The one admin-only permission that fits: a district admin loads the state's rules.
      options: { auth: requirePermission('users:manage'), validate: { payload: ruleSetSchema } },
      async handler(request, h) {
        const saved = await ruleSets.save(actorFrom(request), request.payload as RuleSet);
        return h.response(saved).code(201);
      },
    },
  ];
}

export function immunizationRoutes(services: ImmunizationServices): ServerRoute[] {
  return [...studentRoutes(services), ...organizationRoutes(services)];
}
