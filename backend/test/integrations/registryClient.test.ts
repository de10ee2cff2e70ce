/**
 * StateRegistryClient against the registry simulator: the SOAP 1.2 call, a SOAP Fault as a
 * typed error that keeps the registry's words out of its message, and the history query.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import {
  StateRegistryClient,
  StateRegistryFault,
} from '../../src/integrations/clients/StateRegistryClient.js';
import type { VxuImmunization, VxuPatient } from '../../src/integrations/hl7/vxu.js';
import { clientHarness } from './clientHarness.js';

const h = clientHarness();
const clients: StateRegistryClient[] = [];
afterAll(() => Promise.all(clients.map((c) => c.close())));

function registryClient(password = h.sims.credentials.stateRegistry.password): StateRegistryClient {
  const client = new StateRegistryClient({
    ...h.options(h.sims.urls.stateRegistry, { name: 'state-registry-test' }),
    username: h.sims.credentials.stateRegistry.username,
    password,
    facilityId: 'WHITECROSS',
    processingId: 'T',
  });
  clients.push(client);
  return client;
}

const patient: VxuPatient = {
  id: 'b3a1c2d4-0000-4000-8000-000000000001',
  assigningAuthority: 'WHITECROSS',
  name: { family: 'Quinn <&> Reyes', given: 'Nia' },
  dob: '2014-09-02',
  sex: 'F',
};
const dose: VxuImmunization = {
  id: 'b3a1c2d4-0000-4000-8000-0000000000aa',
  cvx: { code: '115', name: 'Tdap' },
  administeredOn: '2025-09-02',
  historical: true,
};

describe('StateRegistryClient', () => {
  it('submits a VXU and reads the ACK; the registry stores the message as sent', async () => {
    const result = await registryClient().submitImmunizationRecord({
      controlId: 'WCTEST0000000001',
      patient,
      immunization: dose,
    });
    expect(result.controlId).toBe('WCTEST0000000001');
    expect(result.ack).toMatchObject({ code: 'AA', controlId: 'WCTEST0000000001', errors: [] });
    const stored = h.sims.registry.messages.at(-1) ?? '';
    // Carriage returns survive the XML (sent as &#13;), and so do XML-special characters.
    expect(stored.split('\r').map((line) => line.slice(0, 3))).toEqual(['MSH', 'PID', 'ORC', 'RXA', '']);
    expect(stored).toContain('Quinn <\\T\\> Reyes^Nia');
    const [request] = h.sims.registry.server.requestsTo('/iis/soap');
    expect(request?.idempotencyKey).toBe('WCTEST0000000001');
  });

  it('turns a SOAP SecurityFault into StateRegistryFault without the registry’s words in the message', async () => {
    const failure = await registryClient('not-the-password')
      .submitImmunizationRecord({ controlId: 'WCTEST0000000002', patient, immunization: dose })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StateRegistryFault);
    const fault = failure as StateRegistryFault;
    expect(fault).toMatchObject({ faultCode: 'Sender', faultType: 'SecurityFault', isSecurityFault: true });
    expect(fault.reason).toBe('Invalid username or password');
    expect(fault.message).not.toContain('password');
    // A refusal is not an outage: one request, no retries.
    expect(h.sims.registry.server.requestsTo('/iis/soap')).toHaveLength(1);
  });

  it('retries a 503 under the same idempotency key, and reports an unreadable answer as unavailable', async () => {
    h.sims.registry.server.faults.set({ failNext: 1, statusOnError: 503 });
    const ok = await registryClient().submitImmunizationRecord({
      controlId: 'WCTEST0000000003',
      patient,
      immunization: dose,
    });
    expect(ok.ack.code).toBe('AA');
    expect(h.sims.registry.server.requestsTo('/iis/soap').map((r) => r.idempotencyKey)).toEqual([
      'WCTEST0000000003',
      'WCTEST0000000003',
    ]);

    // Something that answers 200 but is no SOAP registry.
    const impostor = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Maintenance</html>');
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = impostor.address() as AddressInfo;
      const garbled = new StateRegistryClient({
        ...h.options(`http://127.0.0.1:${port}/iis/soap`, { name: 'state-registry-garbled' }),
        username: 'x',
        password: 'y',
        facilityId: 'WHITECROSS',
      });
      clients.push(garbled);
      await expect(
        garbled.submitImmunizationRecord({ controlId: 'WCTEST0000000004', patient, immunization: dose }),
      ).rejects.toMatchObject({ name: 'IntegrationUnavailable', reason: 'bad-response' });
    } finally {
      await new Promise((resolve) => impostor.close(resolve));
    }
  });

  it('queries a history (QBP^Q11) and reads the RSP^K11 doses', async () => {
    const history = await registryClient().queryHistory({
      name: { family: 'Nguyen', given: 'Liam' },
      dob: '2012-09-22',
      sex: 'M',
    });
    expect(history).toMatchObject({ ackCode: 'AA', status: 'OK', profile: 'Z32' });
    expect(history.immunizations.map((d) => d.cvx)).toEqual(['20', '10', '03', '21', '115', '114']);
    expect(history.immunizations.every((d) => d.historical)).toBe(true);

    const nobody = await registryClient().queryHistory({
      name: { family: 'Nobody', given: 'Known' },
      dob: '2012-01-01',
    });
    expect(nobody).toMatchObject({ status: 'NF', immunizations: [] });
  });
});
