/**
 * The auth-attacks drill in its short form: forged, expired, revoked, deactivated and foreign
 * tokens on REST and the socket handshake are all refused, another organization's token
 * never reaches a demo student, and the real token still gets in (the control).
 */
import { expect, it } from 'vitest';
import { authAttacksDrill } from '../../drills/authAttacks.js';

it('accepts no bad token on REST or sockets and leaks nothing across organizations', async () => {
  const { passed, figures } = await authAttacksDrill({ short: true });

  expect(figures).toMatchObject({
    acceptedRest: 0,
    acceptedSockets: 0,
    crossOrgLeaks: 0,
    controlsAccepted: 2,
  });
  expect(figures.attacks).toBeGreaterThan(40);
  expect(figures.attempts).toBeGreaterThan(300);
  expect(passed).toBe(true);
}, 120_000);
