/**
 * One in-process timer per open alert. Every replica may hold a timer for the same alert:
 * the escalation itself is claimed in the database, so it happens once whoever fires first.
 * The job system (issue 5) will replace these timers with one delayed job per alert.
 */
export class EscalationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly delayMs: number,
    private readonly fire: (alertId: string) => Promise<unknown>,
  ) {}

  /** Fires `delayMs` after the alert was created (at once if that moment has passed). */
  schedule(alertId: string, createdAt: Date): void {
    if (this.stopped || this.timers.has(alertId)) return;
    const remaining = Math.max(0, createdAt.getTime() + this.delayMs - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(alertId);
      void this.fire(alertId);
    }, remaining);
    // A pending escalation must never keep a stopping process alive.
    timer.unref();
    this.timers.set(alertId, timer);
  }

  cancel(alertId: string): void {
    const timer = this.timers.get(alertId);
    if (timer) clearTimeout(timer);
    this.timers.delete(alertId);
  }

  stopAll(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  get pending(): number {
    return this.timers.size;
  }
}
