import { Inject, Logger, Type } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobDispatcher } from './job-dispatcher';
import { ALL_QUEUES, QueueName } from './jobs';
import { DEFAULT_JOB_OPTIONS } from './queue-options';

/** One BullMQ worker per queue, all handing jobs to the dispatcher. */
function processorFor(queue: QueueName): Type<WorkerHost> {
  @Processor(queue, { concurrency: 8 })
  class QueueProcessor extends WorkerHost {
    private readonly logger = new Logger(`Queue:${queue}`);

    constructor(@Inject(JobDispatcher) private readonly dispatcher: JobDispatcher) {
      super();
    }

    process(job: Job): Promise<'done' | 'skipped'> {
      return this.dispatcher.dispatch(job);
    }

    /**
     * Connection and bookkeeping errors (e.g. a job's key vanished in a Redis flush while it ran).
     * Without a listener an EventEmitter throws them and would take the worker down; the outbox
     * reconcile puts any lost job back, so logging is the right response.
     */
    @OnWorkerEvent('error')
    onError(error: Error): void {
      this.logger.warn(`worker error: ${error.message}`);
    }

    @OnWorkerEvent('failed')
    async onFailed(job: Job | undefined, error: Error): Promise<void> {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1);
      this.logger.warn(`job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}${final ? ', final' : ''}): ${error.message}`);
      await this.dispatcher.recordFailure(job, error, final).catch((e: Error) => this.logger.error(e.message));
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}QueueProcessor` });
  return QueueProcessor;
}

export const QUEUE_PROCESSORS = ALL_QUEUES.map(processorFor);
