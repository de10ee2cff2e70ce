/**
 * The bull-board instance behind /admin/queues. The board is built at register time with no
 * queues: the QueueManager's BullMQ queues only exist after its initialize() (onPreStart), and
 * are new objects after every restart, so attachQueues() hands them over each time it runs.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HapiAdapter } from '@bull-board/hapi';
import type { Plugin } from '@hapi/hapi';
import { ALL_JOB_TYPES } from './jobTypes.js';
import type { QueueManager } from './QueueManager.js';

type ControllerResult = { status?: number; body: unknown };

export interface QueueBoard {
  /** bull-board's hapi plugin; its registration options become every one of its routes' options. */
  plugin: Plugin<unknown>;
  attachQueues(queues: QueueManager): void;
}

export function createQueueBoard(basePath: string): QueueBoard {
  const serverAdapter = new HapiAdapter().setBasePath(basePath);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: 'White Cross jobs',
        hideDocsLink: true,
        miscLinks: [{ text: 'Back to White Cross', url: '/' }],
      },
      handlerHooks: { after: (_context, result) => withoutStackTraces(result) },
    },
  });
  return {
    plugin: serverAdapter.registerPlugin() as Plugin<unknown>,
    attachQueues(queues) {
      // Read-only: the queues are shared by every organization on this deployment, and a
      // district admin must not retry, clean or delete another district's jobs. Operators act
      // through Redis-side tooling until an operator role exists.
      board.replaceQueues(
        ALL_JOB_TYPES.map((type) => new BullMQAdapter(queues.queue(type), { readOnlyMode: true })),
      );
    },
  };
}

/**
 * Failed jobs keep their stack traces in Redis; the dashboard shows the failure's message but
 * not the trace (no stack traces in responses, whoever asks).
 */
function withoutStackTraces<T extends ControllerResult>(result: T): T {
  const body = result.body as { queues?: Array<{ jobs?: unknown[] }>; job?: unknown } | undefined;
  if (!body || typeof body !== 'object') return result;
  if (Array.isArray(body.queues)) {
    for (const queue of body.queues) queue.jobs?.forEach(clearStackTrace);
  }
  clearStackTrace(body.job);
  return result;
}

function clearStackTrace(job: unknown): void {
  if (job && typeof job === 'object' && 'stacktrace' in job)
    (job as { stacktrace: unknown[] }).stacktrace = [];
}
