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
  /** Sends one consultation request over one channel (webhook or email); the delivery id is its idempotency key. */
  'consultation.deliver': { deliveryId: string };
  /** One working day before the deadline: remind the unit of an unanswered request. */
  'consultation.remind': { requestId: string };
  /** At the deadline: an unanswered request becomes overdue, escalated to the organization department. */
  'consultation.overdue': { requestId: string };
  /** At 00:00 Asia/Shanghai of its first day: a scheduled notice becomes open. */
  'notices.open': { noticeId: string };
  /** At 24:00 Asia/Shanghai of its last working day: the notice closes and records its outcome. */
  'notices.close': { noticeId: string };
  /** Renders a document row in `rendering` (a dossier draft, or a notice, sealed at once). */
  'documents.render': { documentId: string };
  /** Every team member signed the draft: render the final with the sign-off page and seal it. */
  'documents.seal': { documentId: string };
  /** A notice was recorded: issue its printed, sealed document. */
  'documents.notice': { noticeId: string };
  /** A vote round was closed: issue its sealed 票决结果. */
  'documents.vote_result': { voteId: string };
  /** An appointment was recorded: issue its sealed 任免通知. */
  'documents.appointment': { appointmentId: string };
  /** Requests were opened on a consultation letter: issue (a new version of) its sealed 征求意见函. */
  'documents.consultation_letter': { letterId: string };
}

export type JobName = keyof JobPayloadMap;

export const JOB_QUEUES: Record<JobName, QueueName> = {
  'system.ping': QueueName.System,
  'consultation.deliver': QueueName.Consultations,
  'consultation.remind': QueueName.Consultations,
  'consultation.overdue': QueueName.Consultations,
  'notices.open': QueueName.Notices,
  'notices.close': QueueName.Notices,
  'documents.render': QueueName.Documents,
  'documents.seal': QueueName.Documents,
  'documents.notice': QueueName.Documents,
  'documents.vote_result': QueueName.Documents,
  'documents.appointment': QueueName.Documents,
  'documents.consultation_letter': QueueName.Documents,
};

export const ALL_QUEUES = Object.values(QueueName);
