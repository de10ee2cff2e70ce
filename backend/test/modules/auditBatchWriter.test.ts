import { describe, expect, it } from 'vitest';
import { AuditBatchWriter } from '../../src/modules/audit/AuditBatchWriter.js';
import type { AuditEntry } from '../../src/modules/audit/AuditService.js';

const entry = (action: string): AuditEntry => ({
  organizationId: null,
  userId: null,
  action,
  entityType: 'test',
});

/** An insert that records what it was given and finishes when the test says so. */
function controlledInsert(refuse: (e: AuditEntry) => boolean = () => false) {
  const calls: string[][] = [];
  const finish: Array<() => void> = [];
  const insert = (entries: AuditEntry[]) => {
    calls.push(entries.map((e) => e.action));
    return new Promise<void>((resolve, reject) => {
      finish.push(() => (entries.some(refuse) ? reject(new Error('refused')) : resolve()));
    });
  };
  const finishNext = async () => {
    await new Promise((r) => setImmediate(r));
    finish.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { calls, insert, finishNext };
}

describe('AuditBatchWriter', () => {
  it('writes a row at once when idle, and the rows that queue meanwhile in one insert', async () => {
    const db = controlledInsert();
    const writer = new AuditBatchWriter(db.insert);
    const first = writer.write(entry('a'));
    expect(db.calls).toEqual([['a']]);
    const queued = [writer.write(entry('b')), writer.write(entry('c'))];
    await db.finishNext();
    await first;
    expect(db.calls).toEqual([['a'], ['b', 'c']]);
    await db.finishNext();
    await Promise.all(queued);
  });

  it('resolves each caller only once its own row is written', async () => {
    const db = controlledInsert();
    const writer = new AuditBatchWriter(db.insert);
    let written = false;
    void writer.write(entry('a')).then(() => (written = true));
    await new Promise((r) => setImmediate(r));
    expect(written).toBe(false);
    await db.finishNext();
    expect(written).toBe(true);
  });

  it('fails only the row the database refuses, not the others in its batch', async () => {
    const db = controlledInsert((e) => e.action === 'bad');
    const writer = new AuditBatchWriter(db.insert);
    const first = writer.write(entry('a'));
    const good = writer.write(entry('good'));
    // Settled as soon as it fails: an unobserved rejection would fail the run.
    const bad = writer.write(entry('bad')).then(
      () => 'written',
      (error: Error) => error.message,
    );
    await db.finishNext(); // 'a'
    await first;
    await db.finishNext(); // ['good', 'bad'] refused as a batch
    await db.finishNext(); // 'good' alone
    await db.finishNext(); // 'bad' alone
    await expect(good).resolves.toBeUndefined();
    expect(await bad).toBe('refused');
    expect(db.calls).toEqual([['a'], ['good', 'bad'], ['good'], ['bad']]);
  });

  it("writes a batch's rows chain by chain, each chain's in arrival order (one lock order everywhere)", async () => {
    const db = controlledInsert();
    const writer = new AuditBatchWriter(db.insert);
    const first = writer.write(entry('a'));
    const rows = [
      writer.write({ ...entry('b1'), organizationId: 'b' }),
      writer.write({ ...entry('a1'), organizationId: 'a' }),
      writer.write({ ...entry('b2'), organizationId: 'b' }),
      writer.write({ ...entry('a2'), organizationId: 'a' }),
    ];
    await db.finishNext();
    await first;
    expect(db.calls[1]).toEqual(['a1', 'a2', 'b1', 'b2']);
    await db.finishNext();
    await Promise.all(rows);
  });
});
