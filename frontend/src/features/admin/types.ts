/** One queue's counts as GET /api/v1/admin/queues answers them. */
export interface QueueSummary {
  name: string;
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
  paused: boolean;
}

export interface QueueStatsResponse {
  data: QueueSummary[];
}
