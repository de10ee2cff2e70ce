/**
 * Group commit for audit rows written outside a caller's transaction (every read of a
 * student's health data, logins). audit_log's trigger chains an organization's rows under
 * one lock held until commit, so one INSERT per request made every concurrent read of a
 * district wait in line for the others' commits (about 350 inserts/s at 10 clients, fewer
 * than one client alone). Here, while one INSERT is in flight the next rows queue, and the
 * next INSERT writes them all: one lock and one commit for many rows. An idle server writes
 * each row at once, alone. Each caller still waits until its own row is committed, so no
 * read answers before it is audited.
 */
/** What the writer needs of a row (AuditService's AuditEntry; not imported, which would be a cycle). */
interface ChainedEntry {
  organizationId: string | null;
}

interface Pending<Entry> {
  entry: Entry;
  resolve(): void;
  reject(error: unknown): void;
}

/** The chain the trigger files a row under (audit-log migration). */
const chainOf = (entry: ChainedEntry) => entry.organizationId ?? 'system';
/** Code-unit order, the same in every process whatever its locale. */
const compareChains = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows per INSERT: bounds the statement's size and the time the chain lock is held. */
const MAX_BATCH = 200;

export class AuditBatchWriter<Entry extends ChainedEntry> {
  private queue: Array<Pending<Entry>> = [];
  private flushing = false;

  constructor(private readonly insert: (entries: Entry[]) => Promise<void>) {}

  /** Resolves once the row is committed. */
  write(entry: Entry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) await this.writeBatch(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.flushing = false;
    }
  }

  private async writeBatch(batch: Array<Pending<Entry>>): Promise<void> {
    // The trigger takes one lock per organization's chain: every replica takes them in the same
    // order (a stable sort keeps each chain's rows in arrival order), so two batches never deadlock.
    batch.sort((a, b) => compareChains(chainOf(a.entry), chainOf(b.entry)));
    try {
      await this.insert(batch.map((p) => p.entry));
      for (const p of batch) p.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One row the database refuses must not fail the other requests: each alone, for its own answer.
      for (const p of batch) await this.insert([p.entry]).then(p.resolve, p.reject);
    }
  }
}
