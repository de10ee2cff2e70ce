/** One schema step, as plain SQL run in a transaction. */
export interface Migration {
  name: string;
  up: string;
  down: string;
}
