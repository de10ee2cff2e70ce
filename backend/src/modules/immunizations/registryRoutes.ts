/**
 * The state registry from the nurse's side: send records (a queued data-export job), read a
 * student's history as the registry holds it, and import chosen doses. Clinical staff only.
 */
import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { ImportRecordInput, RegistryHistoryService } from './RegistryHistoryService.js';
import type { RegistrySubmissionService, RegistrySubmitInput } from './RegistrySubmissionService.js';
import { registryImportPayload, registrySubmitPayload, studentIdParams } from './schemas.js';

export interface RegistryServices {
  submissions: RegistrySubmissionService;
  history: RegistryHistoryService;
}

export function registryRoutes({ submissions, history }: RegistryServices): ServerRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/immunizations/registry/submit',
      options: {
        auth: requirePermission('immunizations:write'),
        validate: { payload: registrySubmitPayload },
      },
      async handler(request, h) {
        const input = (request.payload ?? {}) as RegistrySubmitInput;
        const queued = await submissions.request(actorFrom(request), input);
        return h.response(queued).code(202);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/students/{id}/immunizations/registry-history',
      // What the registry holds is offered for import: the people who may import it.
      options: { auth: requirePermission('immunizations:write'), validate: { params: studentIdParams } },
      handler: (request) => history.history(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: '/api/v1/students/{id}/immunizations/import',
      options: {
        auth: requirePermission('immunizations:write'),
        validate: { params: studentIdParams, payload: registryImportPayload },
      },
      async handler(request, h) {
        const { records } = request.payload as { records: ImportRecordInput[] };
        const result = await history.importRecords(actorFrom(request), request.params.id as string, records);
        return h.response(result).code(201);
      },
    },
  ];
}
