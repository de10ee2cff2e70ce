/** Where start-up reports progress; the entry point passes its logger. */
export interface StartupLog {
  info(msg: string): void;
  warn(msg: string): void;
}

/** A service that start-up found or started; stop() ends only what start-up itself started. */
export interface RunningService {
  url: string;
  stop(): Promise<void>;
}
