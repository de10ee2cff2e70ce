/**
 * Optional error reports to Sentry (SENTRY_DSN set; a no-op otherwise). Health data must never
 * leave, so a report is an error's type, code and stack frames, nothing more: no request, no
 * user, no breadcrumbs, and no message (a database error's message can quote the value it
 * refused). The SDK is imported only when a DSN is set (it is heavy), and each server gets its
 * own client and scope instead of Sentry.init's process-wide one: tests run several servers
 * in one process, and nothing global (no OpenTelemetry, no auto-instrumentation) is installed.
 */
import type { Plugin } from '@hapi/hapi';
import type { ErrorEvent, NodeOptions } from '@sentry/node';

export interface ErrorReporter {
  /** Sends an unexpected error (a 5xx, an unhandled rejection); never throws. */
  report(error: unknown): void;
  /** Sends what is pending (bounded) and stops. */
  close(): Promise<void>;
}

export interface ErrorReportingOptions {
  dsn: string | undefined;
  environment: string;
  release: string;
}

const CLOSE_TIMEOUT_MS = 2_000;
const WITHHELD = 'message withheld: it may carry data';
/** A PostgreSQL SQLSTATE, a Node errno name: an identifier, never data. */
const ERROR_CODE = /^[A-Za-z0-9_]{1,40}$/;

const COLLECT_NOTHING: NonNullable<NodeOptions['dataCollection']> = {
  userInfo: false,
  cookies: false,
  httpHeaders: false,
  httpBodies: [],
  urlQueryParams: false,
  graphQL: { document: false, variables: false },
  genAI: { inputs: false, outputs: false },
  mcp: { inputs: false, outputs: false },
  databaseQueryData: false,
  queues: false,
  stackFrameVariables: false,
  frameContextLines: 0,
};

const noReports: ErrorReporter = { report: () => undefined, close: async () => undefined };

/** Keeps an event's exception types, codes and stack frames; drops everything else that can carry data. */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  const { request: _request, user: _user, breadcrumbs: _breadcrumbs, extra: _extra, ...rest } = event;
  const values = rest.exception?.values?.map((value) => ({
    type: value.type,
    value: WITHHELD,
    stacktrace: value.stacktrace,
    mechanism: value.mechanism,
  }));
  return {
    ...rest,
    message: rest.message === undefined ? undefined : WITHHELD,
    exception: values ? { values } : undefined,
  };
}

export async function createErrorReporter(options: ErrorReportingOptions): Promise<ErrorReporter> {
  if (!options.dsn) return noReports;
  const Sentry = await import('@sentry/node');
  const client = new Sentry.NodeClient({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    transport: Sentry.makeNodeTransport,
    stackParser: Sentry.defaultStackParser,
    integrations: [],
    // SDK 11 replaced sendDefaultPii with this, and its defaults collect everything: all off.
    dataCollection: COLLECT_NOTHING,
    maxBreadcrumbs: 0,
    beforeSend: scrubEvent,
  });
  const scope = new Sentry.Scope();
  scope.setClient(client);
  client.init();
  return {
    report(error) {
      const code = (error as { code?: unknown } | null)?.code;
      const tags = typeof code === 'string' && ERROR_CODE.test(code) ? { code } : {};
      scope.captureException(error, { captureContext: { tags } });
    },
    async close() {
      await client.close(CLOSE_TIMEOUT_MS);
    },
  };
}

declare module '@hapi/hapi' {
  interface ServerApplicationState {
    errorReporter: ErrorReporter;
  }
}

/**
 * `server.app.errorReporter`, closed (and flushed) after the server stops. Unhandled rejections
 * are reported too; deciding what happens to the process after one is index.ts's business.
 */
export const errorReportingPlugin: Plugin<ErrorReportingOptions> = {
  name: 'error-reporting',
  async register(server, options) {
    const reporter = await createErrorReporter(options);
    server.app.errorReporter = reporter;
    if (reporter === noReports) return;
    const onRejection = (reason: unknown) => reporter.report(reason);
    process.on('unhandledRejection', onRejection);
    server.ext('onPostStop', async () => {
      process.off('unhandledRejection', onRejection);
      await reporter.close();
    });
  },
};
