/**
 * A requested job's progress and end reach the requester's socket once, whichever replica
 * holds it and whichever replica runs the job; nobody else hears of it. The job is the real
 * data-export (immunizations to the state registry), against the registry simulator.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulators, type RunningSimulators } from '../../src/integrations/simulators/index.js';
import {
  bearer,
  createOrganization,
  createStudent,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { sleep } from '../helpers/jobs.js';
import {
  startListeningServer,
  startReplica,
  type ListeningTestServer,
  type Replica,
} from '../helpers/listeningServer.js';
import { closeAll, connectSocket, waitForEvent, type ClientSocket } from '../helpers/socketClient.js';

let sims: RunningSimulators;
let primary: ListeningTestServer;
let replica: Replica;
let org: TestOrganization;
const opened: ClientSocket[] = [];

beforeAll(async () => {
  sims = await startSimulators();
  const registry = {
    STATE_REGISTRY_URL: sims.urls.stateRegistry,
    STATE_REGISTRY_USERNAME: sims.credentials.stateRegistry.username,
    STATE_REGISTRY_PASSWORD: sims.credentials.stateRegistry.password,
  };
  primary = await startListeningServer(registry);
  // The replica serves API and sockets only: the job runs on the primary.
  replica = await startReplica(primary, { APP_ROLE: 'api', ...registry });
  org = await createOrganization(primary.server);
});
afterAll(async () => {
  closeAll(opened);
  await replica?.stop();
  await primary?.stop();
  await sims?.stop();
});

function record(socket: ClientSocket): string[] {
  const heard: string[] = [];
  for (const event of ['job:progress', 'job:completed', 'job:failed'] as const) {
    socket.on(event, (payload: { jobId: string }) => heard.push(`${event}:${payload.jobId}`));
  }
  return heard;
}

/** A student with one historical dose on file: something for the registry to receive. */
async function studentWithOneDose(): Promise<string> {
  const student = await createStudent(primary.server, org);
  const res = await primary.server.inject({
    method: 'POST',
    url: `/api/v1/students/${student.id}/immunizations`,
    headers: bearer(org.nurse),
    payload: { cvxCode: '03', administeredOn: '2017-03-20', source: 'HISTORICAL' },
  });
  expect(res.statusCode).toBe(201);
  return student.id;
}

async function submit(user: TestUser, studentId: string): Promise<string> {
  const res = await replica.server.inject({
    method: 'POST',
    url: '/api/v1/immunizations/registry/submit',
    headers: bearer(user),
    payload: { studentId },
  });
  expect(res.statusCode).toBe(202);
  return (res.result as { jobId: string }).jobId;
}

it("tells the requester's socket on another replica of progress and completion, once each", async () => {
  const studentId = await studentWithOneDose();
  const requester = await connectSocket(replica.url, org.admin.token);
  const bystander = await connectSocket(replica.url, org.nurse.token);
  opened.push(requester, bystander);
  const heard = record(requester);
  const overheard = record(bystander);

  const progress = waitForEvent(requester, 'job:progress');
  const completed = waitForEvent(requester, 'job:completed');
  const jobId = await submit(org.admin, studentId);
  expect(await progress).toEqual({ jobId, type: 'data-export', progress: 100 });
  expect(await completed).toEqual({
    jobId,
    type: 'data-export',
    result: {
      target: 'state-registry',
      considered: 1,
      sent: 1,
      accepted: 1,
      errors: 0,
      rejected: 0,
      notSent: 0,
      skipped: 0,
    },
  });
  await sleep(300);
  expect(heard).toEqual([`job:progress:${jobId}`, `job:completed:${jobId}`]);
  expect(overheard).toEqual([]);
});

it('tells the requester when the job fails, without the internal reason', async () => {
  const studentId = await studentWithOneDose();
  const requester = await connectSocket(primary.url, org.nurse.token);
  opened.push(requester);
  const heard = record(requester);
  // The registry refuses our request outright: retrying cannot help, so the job fails at once.
  sims.registry.server.faults.set({ failNext: 1, statusOnError: 401 });

  const failed = waitForEvent(requester, 'job:failed');
  const jobId = await submit(org.nurse, studentId);
  const payload = await failed;
  expect(payload).toMatchObject({ jobId, type: 'data-export' });
  expect(payload.message).not.toMatch(/registry|401|state-registry/i);
  await sleep(300);
  expect(heard).toEqual([`job:failed:${jobId}`]);
});
