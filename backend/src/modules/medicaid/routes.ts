import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { EligibilityService } from './EligibilityService.js';
import { medicaidIdPayload, studentIdParams } from './schemas.js';

export function medicaidRoutes(eligibility: EligibilityService): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/students/{id}/medicaid-eligibility',
      options: { auth: requirePermission('medicaid:read'), validate: { params: studentIdParams } },
      handler: (request) => eligibility.history(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: '/api/v1/students/{id}/medicaid-eligibility',
      // Asks the payer now and answers with the stored result (the payer answers in seconds).
      options: { auth: requirePermission('medicaid:check'), validate: { params: studentIdParams } },
      async handler(request, h) {
        const check = await eligibility.check(actorFrom(request), request.params.id as string);
        return h.response(check).code(201);
      },
    },
    {
      method: 'PUT',
      path: '/api/v1/students/{id}/medicaid-id',
      options: {
        auth: requirePermission('medicaid:check'),
        validate: { params: studentIdParams, payload: medicaidIdPayload },
      },
      handler: (request) =>
        eligibility.setMedicaidId(
          actorFrom(request),
          request.params.id as string,
          (request.payload as { medicaidId: string | null }).medicaidId,
        ),
    },
  ];
}
