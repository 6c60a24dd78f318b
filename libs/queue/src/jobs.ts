/**
 * Every queue and every job of the system, with its payload type. A job's payload carries ids
 * only; the handler re-reads state. The worker refuses to start if a job here has no handler.
 */
export enum QueueName {
  System = 'system',
  Consultations = 'consultations',
  Notices = 'notices',
  Documents = 'documents',
}

export interface JobPayloadMap {
  /** Writes one audit event; proves the outbox → queue → handler path end to end. */
  'system.ping': { note: string };
  /** At 00:00 Asia/Shanghai of its first day: a scheduled notice becomes open. */
  'notices.open': { noticeId: string };
  /** At 24:00 Asia/Shanghai of its last working day: the notice closes and records its outcome. */
  'notices.close': { noticeId: string };
}

export type JobName = keyof JobPayloadMap;

export const JOB_QUEUES: Record<JobName, QueueName> = {
  'system.ping': QueueName.System,
  'notices.open': QueueName.Notices,
  'notices.close': QueueName.Notices,
};

export const ALL_QUEUES = Object.values(QueueName);
