import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloadMap } from './jobs';

export const JOB_HANDLER = 'kaocha:job-handler';

export interface JobContext {
  /** The outbox row id, also the BullMQ job id: the idempotency key of any side effect. */
  jobId: string;
  attempt: number;
  /** The transaction in which the job is marked done: write effects with it to make them exactly-once. */
  manager: EntityManager;
}

export type JobHandlerFn<N extends JobName> = (payload: JobPayloadMap[N], ctx: JobContext) => Promise<void>;

/** Marks a provider method as the one handler of a job. */
export const OnJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);
