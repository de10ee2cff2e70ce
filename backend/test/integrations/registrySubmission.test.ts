/**
 * Immunizations to the state registry and back, against the registry simulator: the VXU a
 * stored immunization becomes (read back with the HL7 parser), the data-export job storing
 * each ACK (AA accepted, AE error with its text shown to the nurse, AR rejected), runs that
 * never send twice (a second run, a claim left PENDING by a crash), the history query with
 * import, and the walls between organizations.
 */
import type { Server } from '@hapi/hapi';
import { QueryTypes, type Transaction } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSegment, findSegments, parse, value } from '../../src/integrations/hl7/segments.js';
import { startSimulators, type RunningSimulators } from '../../src/integrations/simulators/index.js';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import { organizationExportJobId } from '../../src/infrastructure/jobs/processors/dataExportProcessor.js';
import { registrySubmissionsMigration } from '../../src/migrations/202611280017-registry-submissions.js';
import {
  bearer,
  createOrganization,
  createStudent,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { waitFor } from '../helpers/jobs.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import { startTestServer } from '../helpers/testServer.js';

let sims: RunningSimulators;
let t: ListeningTestServer;
let server: Server;
let orgA: TestOrganization;
let orgB: TestOrganization;

beforeAll(async () => {
  sims = await startSimulators();
  t = await startListeningServer({
    STATE_REGISTRY_URL: sims.urls.stateRegistry,
    STATE_REGISTRY_USERNAME: sims.credentials.stateRegistry.username,
    STATE_REGISTRY_PASSWORD: sims.credentials.stateRegistry.password,
    INTEGRATION_RETRY_DELAY_MS: '10',
    JOBS_BACKOFF_DELAY_MS: '50',
  });
  server = t.server;
  orgA = await createOrganization(server);
  orgB = await createOrganization(server);
});
afterAll(async () => {
  await t?.stop();
  await sims?.stop();
});

interface ImmunizationView {
  id: string;
  source: string;
  registry: {
    status: string;
    ackCode: string | null;
    errorText?: string | null;
    submittedAt: string | null;
  } | null;
}

interface Summary {
  considered: number;
  sent: number;
  accepted: number;
  errors: number;
  rejected: number;
  notSent: number;
  skipped: number;
}

interface SubmissionRow {
  controlId: string;
  status: string;
  ackCode: string | null;
  errorText: string | null;
  attempts: number;
}

const ADMINISTERED_MMR = {
  cvxCode: '03',
  administeredOn: '2024-03-15',
  source: 'ADMINISTERED',
  lotNumber: 'Y7812K',
  mvxCode: 'MSD',
  doseMl: 0.5,
  route: 'SC',
  site: 'LA',
};

async function recordImmunization(
  org: TestOrganization,
  studentId: string,
  payload: Record<string, unknown> = { cvxCode: '20', administeredOn: '2016-05-16', source: 'HISTORICAL' },
): Promise<string> {
  const res = await server.inject({
    method: 'POST',
    url: `/api/v1/students/${studentId}/immunizations`,
    headers: bearer(org.nurse),
    payload,
  });
  expect(res.statusCode, res.payload).toBe(201);
  return (res.result as { id: string }).id;
}

/** Queues the data-export as a nurse would and waits for the job to finish. */
async function runExport(
  org: TestOrganization,
  payload: Record<string, unknown> = {},
  user: TestUser = org.nurse,
): Promise<Summary> {
  const res = await server.inject({
    method: 'POST',
    url: '/api/v1/immunizations/registry/submit',
    headers: bearer(user),
    payload,
  });
  expect(res.statusCode, res.payload).toBe(202);
  const { jobId } = res.result as { jobId: string };
  const queue = getQueueManager(server).queue(JOB_TYPES.DATA_EXPORT);
  const state = await waitFor(async () => {
    const current = await queue.getJobState(jobId);
    return current === 'completed' || current === 'failed' ? current : null;
  });
  const job = await queue.getJob(jobId);
  expect(state, job?.failedReason).toBe('completed');
  return job?.returnvalue as Summary;
}

async function submissions(immunizationId: string): Promise<SubmissionRow[]> {
  return server.app.sequelize.query<SubmissionRow>(
    `SELECT control_id AS "controlId", status, ack_code AS "ackCode", error_text AS "errorText", attempts
       FROM immunization_registry_submissions WHERE immunization_id = :immunizationId ORDER BY created_at`,
    { replacements: { immunizationId }, type: QueryTypes.SELECT },
  );
}

/** Every HL7 message the registry received with this control id (MSH-10). */
function received(controlId: string): string[] {
  return sims.registry.messages.filter((m) => value(findSegment(parse(m), 'MSH'), 10) === controlId);
}

async function viewOf(org: TestOrganization, studentId: string, user: TestUser = org.nurse) {
  const res = await server.inject({
    method: 'GET',
    url: `/api/v1/students/${studentId}/immunizations`,
    headers: bearer(user),
  });
  expect(res.statusCode).toBe(200);
  return res.result as ImmunizationView[];
}

describe('the VXU built from a stored immunization', () => {
  it('passes a structural check: segments in order, required fields, and the ACK is stored', async () => {
    const student = await createStudent(server, orgA, {
      firstName: 'Amara',
      lastName: 'Okafor',
      dateOfBirth: '2015-06-11',
      gender: 'female',
    });
    const immunizationId = await recordImmunization(orgA, student.id, ADMINISTERED_MMR);

    const summary = await runExport(orgA, { studentId: student.id });
    expect(summary).toMatchObject({ considered: 1, sent: 1, accepted: 1 });
    const [submission] = await submissions(immunizationId);
    expect(submission).toMatchObject({ status: 'ACCEPTED', ackCode: 'AA', errorText: null, attempts: 1 });
    const [hl7] = received(submission!.controlId);
    expect(hl7).toBeDefined();

    const message = parse(hl7!);
    expect(message.map((s) => s.name)).toEqual(['MSH', 'PID', 'ORC', 'RXA', 'RXR', 'OBX']);
    const msh = findSegment(message, 'MSH');
    expect([value(msh, 9, 1), value(msh, 9, 2), value(msh, 9, 3)]).toEqual(['VXU', 'V04', 'VXU_V04']);
    expect(value(msh, 10)).toBe(submission!.controlId);
    expect([value(msh, 11), value(msh, 12), value(msh, 21, 1)]).toEqual(['T', '2.5.1', 'Z22']);
    expect(value(msh, 4, 2)).toBe(orgA.id);
    const pid = findSegment(message, 'PID');
    expect([value(pid, 3, 1), value(pid, 3, 4), value(pid, 3, 5)]).toEqual([student.id, 'WHITECROSS', 'MR']);
    expect([value(pid, 5, 1), value(pid, 5, 2), value(pid, 7), value(pid, 8)]).toEqual([
      'Okafor',
      'Amara',
      '20150611',
      'F',
    ]);
    const orc = findSegment(message, 'ORC');
    expect([value(orc, 1), value(orc, 3, 1)]).toEqual(['RE', immunizationId]);
    const rxa = findSegment(message, 'RXA');
    expect(value(rxa, 3)).toBe('20240315');
    expect([value(rxa, 5, 1), value(rxa, 5, 2), value(rxa, 5, 3)]).toEqual(['03', 'MMR', 'CVX']);
    expect([value(rxa, 6), value(rxa, 7, 1), value(rxa, 9, 1)]).toEqual(['0.5', 'mL', '00']);
    expect([value(rxa, 15), value(rxa, 17, 1), value(rxa, 17, 3)]).toEqual(['Y7812K', 'MSD', 'MVX']);
    const rxr = findSegment(message, 'RXR');
    expect([value(rxr, 1, 1), value(rxr, 2, 1)]).toEqual(['SC', 'LA']);
    const [vfc] = findSegments(message, 'OBX');
    // No eligibility recorded: reported as V01, not VFC eligible.
    expect([value(vfc, 3, 1), value(vfc, 5, 1), value(vfc, 5, 3)]).toEqual(['64994-7', 'V01', 'HL70064']);

    const [view] = await viewOf(orgA, student.id);
    expect(view?.registry).toMatchObject({ status: 'ACCEPTED', ackCode: 'AA', errorText: null });
    expect(view?.registry?.submittedAt).toEqual(expect.any(Date));
  });

  it('escapes |^~\\& in a name, and the name round-trips through SOAP and HL7', async () => {
    const lastName = "O'Brien|Smith^Jr~X\\Y&Z";
    const student = await createStudent(server, orgA, { lastName, firstName: 'Ann&Marie' });
    const immunizationId = await recordImmunization(orgA, student.id);
    await runExport(orgA, { studentId: student.id });

    const [submission] = await submissions(immunizationId);
    expect(submission?.status).toBe('ACCEPTED');
    const [hl7] = received(submission!.controlId);
    const pidLine = hl7!.split('\r').find((line) => line.startsWith('PID|')) ?? '';
    expect(pidLine).toContain("O'Brien\\F\\Smith\\S\\Jr\\R\\X\\E\\Y\\T\\Z^Ann\\T\\Marie");
    const pid = findSegment(parse(hl7!), 'PID');
    expect([value(pid, 5, 1), value(pid, 5, 2)]).toEqual([lastName, 'Ann&Marie']);
  });

  it('does not send a dose given here without its lot and manufacturer, and says why', async () => {
    const student = await createStudent(server, orgA);
    const before = sims.registry.messages.length;
    const immunizationId = await recordImmunization(orgA, student.id, {
      cvxCode: '21',
      administeredOn: '2024-01-10',
      source: 'ADMINISTERED',
    });
    const summary = await runExport(orgA, { studentId: student.id });
    expect(summary).toMatchObject({ considered: 1, sent: 0, notSent: 1 });
    expect(sims.registry.messages.length).toBe(before);
    const [view] = await viewOf(orgA, student.id);
    expect(view?.registry?.status).toBe('ERROR');
    expect(view?.registry?.errorText).toMatch(/lot number and manufacturer/);
    expect((await submissions(immunizationId))[0]?.ackCode).toBeNull();
  });
});

describe('the answers a nurse sees', () => {
  it('an AE is stored as ERROR with the registry’s text, shown in the immunization view', async () => {
    const student = await createStudent(server, orgA);
    const immunizationId = await recordImmunization(orgA, student.id);
    const message = 'Vaccination date is before the patient was enrolled with this provider';
    sims.registry.addRejection({ patientId: student.id, code: 'AE', message });
    try {
      const summary = await runExport(orgA, { studentId: student.id });
      expect(summary).toMatchObject({ sent: 1, errors: 1 });
    } finally {
      sims.registry.clearRejections();
    }
    expect((await submissions(immunizationId))[0]).toMatchObject({ status: 'ERROR', ackCode: 'AE' });

    const [view] = await viewOf(orgA, student.id);
    expect(view?.registry).toMatchObject({ status: 'ERROR', ackCode: 'AE', errorText: message });
    // The profile the SPA draws carries the same status.
    const profile = await server.inject({
      method: 'GET',
      url: `/api/v1/students/${student.id}`,
      headers: bearer(orgA.nurse),
    });
    const records = (JSON.parse(profile.payload) as { immunizations: { records: ImmunizationView[] } })
      .immunizations.records;
    expect(records[0]?.registry).toMatchObject({ status: 'ERROR', errorText: message });
    // A viewer sees the status, never the text.
    const [minimal] = await viewOf(orgA, student.id, orgA.viewer);
    expect(minimal?.registry).toMatchObject({ status: 'ERROR', ackCode: 'AE' });
    expect(minimal?.registry).not.toHaveProperty('errorText');

    // Unchanged, an organization-wide run leaves it alone; once the student is corrected it goes again.
    expect(await runExport(orgA)).toMatchObject({ sent: 0 });
    const patched = await server.inject({
      method: 'PATCH',
      url: `/api/v1/students/${student.id}`,
      headers: bearer(orgA.nurse),
      payload: { firstName: 'Corrected' },
    });
    expect(patched.statusCode).toBe(200);
    expect(await runExport(orgA)).toMatchObject({ sent: 1, accepted: 1 });
    const rows = await submissions(immunizationId);
    expect(rows.map((r) => r.status)).toEqual(['ERROR', 'ACCEPTED']);
    expect(rows[1]?.controlId).not.toBe(rows[0]?.controlId);
  });

  it('an AR is stored as REJECTED with its text', async () => {
    const student = await createStudent(server, orgA);
    const immunizationId = await recordImmunization(orgA, student.id);
    sims.registry.addRejection({ patientId: student.id, code: 'AR', message: 'Patient is opted out' });
    try {
      expect(await runExport(orgA, { studentId: student.id })).toMatchObject({ sent: 1, rejected: 1 });
    } finally {
      sims.registry.clearRejections();
    }
    expect((await submissions(immunizationId))[0]).toMatchObject({
      status: 'REJECTED',
      ackCode: 'AR',
      errorText: 'Patient is opted out',
    });
  });
});

describe('never sending twice', () => {
  it('a second run submits nothing already accepted', async () => {
    const org = await createOrganization(server);
    for (let i = 0; i < 3; i += 1) {
      const student = await createStudent(server, org);
      await recordImmunization(org, student.id);
    }
    const first = await runExport(org);
    expect(first).toMatchObject({ considered: 3, sent: 3, accepted: 3 });
    const before = sims.registry.messages.length;
    expect(await runExport(org)).toMatchObject({ considered: 0, sent: 0 });
    expect(sims.registry.messages.length).toBe(before);
  });

  it('re-sends a claim left PENDING by a crash once, with the same control id; a fresh claim is left alone', async () => {
    const student = await createStudent(server, orgA);
    const abandoned = await recordImmunization(orgA, student.id);
    const inFlight = await recordImmunization(orgA, student.id, {
      cvxCode: '10',
      administeredOn: '2016-05-16',
      source: 'HISTORICAL',
    });
    const insert = (immunizationId: string, controlId: string, minutesAgo: number) =>
      server.app.sequelize.query(
        `INSERT INTO immunization_registry_submissions
                (organization_id, immunization_id, control_id, claimed_by, submitted_at)
         VALUES (:organizationId, :immunizationId, :controlId, 'a-job-that-died',
                 now() - make_interval(mins => :minutesAgo))`,
        { replacements: { organizationId: orgA.id, immunizationId, controlId, minutesAgo } },
      );
    // A worker claimed and (maybe) sent this one ten minutes ago, then crashed before the ACK.
    await insert(abandoned, 'WCCRASHED0000000001', 10);
    // Another worker is sending this one right now.
    await insert(inFlight, 'WCINFLIGHT000000001', 0);

    const summary = await runExport(orgA, { studentId: student.id });
    expect(summary).toMatchObject({ considered: 2, sent: 1, accepted: 1, skipped: 1 });
    expect(received('WCCRASHED0000000001')).toHaveLength(1);
    expect(received('WCINFLIGHT000000001')).toHaveLength(0);
    expect(await submissions(abandoned)).toEqual([
      { controlId: 'WCCRASHED0000000001', status: 'ACCEPTED', ackCode: 'AA', errorText: null, attempts: 2 },
    ]);
    expect(await submissions(inFlight)).toMatchObject([{ status: 'PENDING', attempts: 1 }]);
  });

  it('an outage outlasting the client’s retries fails the attempt; the job’s retry sends the same message', async () => {
    const student = await createStudent(server, orgA);
    const immunizationId = await recordImmunization(orgA, student.id);
    sims.registry.server.clearRequests();
    // The first job attempt's request and its three retries all meet a 503.
    sims.registry.server.faults.set({ failNext: 4, statusOnError: 503 });
    try {
      expect(await runExport(orgA, { studentId: student.id })).toMatchObject({ sent: 1, accepted: 1 });
    } finally {
      sims.registry.server.faults.reset();
    }
    const [row] = await submissions(immunizationId);
    expect(row).toMatchObject({ status: 'ACCEPTED', attempts: 2 });
    expect(received(row!.controlId)).toHaveLength(1);
    const attempts = sims.registry.server.requestsTo('/iis/soap');
    expect(attempts.map((r) => r.status)).toEqual([503, 503, 503, 503, 200]);
    expect(new Set(attempts.map((r) => r.idempotencyKey))).toEqual(new Set([row!.controlId]));
  });
});

describe('a scheduled export', () => {
  it('fans out one job per organization, each sending what its organization has new', async () => {
    const org = await createOrganization(server);
    const student = await createStudent(server, org);
    const immunizationId = await recordImmunization(org, student.id);

    const queues = getQueueManager(server);
    const sweepId = await queues.addJob(JOB_TYPES.DATA_EXPORT, {});
    const queue = queues.queue(JOB_TYPES.DATA_EXPORT);
    const childId = organizationExportJobId(sweepId, org.id);
    await waitFor(async () => (await queue.getJobState(childId)) === 'completed');
    expect((await queue.getJob(sweepId))?.returnvalue).toMatchObject({ target: 'state-registry' });
    expect((await queue.getJob(childId))?.returnvalue).toMatchObject({ considered: 1, accepted: 1 });
    expect((await submissions(immunizationId))[0]?.status).toBe('ACCEPTED');
  });
});

describe('the registry’s history', () => {
  it('lists the doses it holds, marks those on file, and imports the chosen ones as HISTORICAL', async () => {
    // The simulator holds a history for this child (matched by name and birth date).
    const student = await createStudent(server, orgA, {
      firstName: 'Ava',
      lastName: 'Martinez',
      dateOfBirth: '2016-03-14',
      gender: 'F',
    });
    await recordImmunization(orgA, student.id, {
      cvxCode: '03',
      administeredOn: '2017-03-20',
      source: 'HISTORICAL',
    });

    const res = await server.inject({
      method: 'GET',
      url: `/api/v1/students/${student.id}/immunizations/registry-history`,
      headers: bearer(orgA.nurse),
    });
    expect(res.statusCode, res.payload).toBe(200);
    const history = res.result as {
      status: string;
      records: Array<{ cvxCode: string; administeredOn: string; onFile: boolean; importable: boolean }>;
    };
    expect(history.status).toBe('OK');
    expect(history.records).toHaveLength(8);
    expect(history.records.find((r) => r.cvxCode === '03')).toMatchObject({
      onFile: true,
      importable: false,
    });
    const importable = history.records.filter((r) => r.importable);
    expect(importable).toHaveLength(7);

    const imported = await server.inject({
      method: 'POST',
      url: `/api/v1/students/${student.id}/immunizations/import`,
      headers: bearer(orgA.nurse),
      payload: { records: importable.map(({ cvxCode, administeredOn }) => ({ cvxCode, administeredOn })) },
    });
    expect(imported.statusCode, imported.payload).toBe(201);
    expect((imported.result as { imported: unknown[]; alreadyOnFile: number }).imported).toHaveLength(7);

    const views = await viewOf(orgA, student.id);
    expect(views).toHaveLength(8);
    const fromRegistry = views.filter((v) => v.registry?.status === 'IMPORTED');
    expect(fromRegistry).toHaveLength(7);
    expect(fromRegistry.every((v) => v.source === 'HISTORICAL')).toBe(true);

    // Importing again adds nothing; the registry is never sent its own records back.
    const again = await server.inject({
      method: 'POST',
      url: `/api/v1/students/${student.id}/immunizations/import`,
      headers: bearer(orgA.nurse),
      payload: { records: importable.map(({ cvxCode, administeredOn }) => ({ cvxCode, administeredOn })) },
    });
    expect(again.result).toMatchObject({ imported: [], alreadyOnFile: 7 });
    expect(await runExport(orgA, { studentId: student.id })).toMatchObject({ considered: 1, sent: 1 });

    const audited = await server.app.sequelize.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = :studentId AND action LIKE 'immunization.registry.%'`,
      { replacements: { studentId: student.id }, type: QueryTypes.SELECT },
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'immunization.registry.history',
        'immunization.registry.import',
        'immunization.registry.submit',
      ]),
    );
  });
});

describe('access', () => {
  it("answers 404 for another organization's student or records, and 403 to a viewer", async () => {
    const student = await createStudent(server, orgA);
    const immunizationId = await recordImmunization(orgA, student.id);
    const asB = bearer(orgB.nurse);
    const requests = [
      { method: 'GET', url: `/api/v1/students/${student.id}/immunizations/registry-history`, headers: asB },
      {
        method: 'POST',
        url: `/api/v1/students/${student.id}/immunizations/import`,
        headers: asB,
        payload: { records: [{ cvxCode: '03', administeredOn: '2017-03-20' }] },
      },
      {
        method: 'POST',
        url: '/api/v1/immunizations/registry/submit',
        headers: asB,
        payload: { studentId: student.id },
      },
      {
        method: 'POST',
        url: '/api/v1/immunizations/registry/submit',
        headers: asB,
        payload: { immunizationIds: [immunizationId] },
      },
    ];
    for (const request of requests) {
      const res = await server.inject(request);
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    expect((await viewOf(orgA, student.id))[0]?.registry).toBeNull();

    const asViewer = await server.inject({
      method: 'POST',
      url: '/api/v1/immunizations/registry/submit',
      headers: bearer(orgA.viewer),
      payload: {},
    });
    expect(asViewer.statusCode).toBe(403);
  });
});

describe('without a registry configured', () => {
  it('answers 503 saying so, and queues nothing', async () => {
    const bare = await startTestServer();
    try {
      const org = await createOrganization(bare.server);
      const res = await bare.server.inject({
        method: 'POST',
        url: '/api/v1/immunizations/registry/submit',
        headers: bearer(org.nurse),
        payload: {},
      });
      expect(res.statusCode).toBe(503);
      expect((res.result as { message: string }).message).toBe(
        'The state immunization registry is not configured',
      );
      expect(await getQueueManager(bare.server).queue(JOB_TYPES.DATA_EXPORT).count()).toBe(0);
    } finally {
      await bare.stop();
    }
  });
});

describe('migration', () => {
  it('down drops what up created, and up applies again (inside a rolled-back transaction)', async () => {
    const { sequelize } = server.app;
    const objects = async (transaction: Transaction) =>
      (
        (await sequelize.query(
          `SELECT (SELECT count(*) FROM information_schema.tables
                    WHERE table_name = 'immunization_registry_submissions')
                + (SELECT count(*) FROM information_schema.columns
                    WHERE table_name = 'student_immunizations'
                      AND column_name IN ('dose_ml', 'route', 'site', 'vfc_eligibility', 'imported_from_registry_at')
                  ) AS n`,
          { plain: true, transaction },
        )) as { n: string }
      ).n;
    const transaction = await sequelize.transaction();
    try {
      await sequelize.query(registrySubmissionsMigration.down, { transaction });
      expect(Number(await objects(transaction))).toBe(0);
      await sequelize.query(registrySubmissionsMigration.up, { transaction });
      expect(Number(await objects(transaction))).toBe(6);
    } finally {
      await transaction.rollback();
    }
  });
});
