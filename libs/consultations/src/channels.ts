import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@app/common';

/** A receiver that does not answer within this time is treated as a failed attempt (retried). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAIL_FROM = '"县委组织部干部考察系统" <no-reply@kaocha.invalid>';

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly responseStatus: number | null = null,
  ) {
    super(message);
  }
}

/** Hex HMAC-SHA256 of the exact body: what the receiver recomputes with the unit's secret. */
export const signBody = (body: string, secret: string): string => createHmac('sha256', secret).update(body, 'utf8').digest('hex');

/**
 * POSTs one JSON body. The Idempotency-Key is the delivery's id: every retry, every re-enqueue
 * after a Redis flush and a second worker all send the same key, so the receiver can drop repeats.
 */
export async function postWebhook(url: string, body: string, idempotencyKey: string, secret: string | null): Promise<number> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'idempotency-key': idempotencyKey,
    'user-agent': 'kaocha-consultations/1',
  };
  if (secret) headers['x-signature'] = signBody(body, secret);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), redirect: 'error' });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new DeliveryError(`webhook ${url}: ${(err as Error).name === 'TimeoutError' ? 'timeout' : (cause ?? (err as Error).message)}`);
  }
  // Drain the body so the connection is reused; its content is not ours to interpret.
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new DeliveryError(`webhook ${url}: HTTP ${res.status}`, res.status);
  return res.status;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per delivery, so a resent copy of the same delivery is recognisable as one message. */
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** SMTP through nodemailer; without SMTP_URL the email channel is skipped (logged by the caller). */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transporter?: Transporter;
  private readonly logger = new Logger(Mailer.name);

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not set');
    this.transporter ??= createTransport(this.config.SMTP_URL, { from: MAIL_FROM });
    try {
      await this.transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.messageId}@kaocha>`,
        textEncoding: 'base64',
        ...(message.attachments?.length ? { attachments: message.attachments } : {}),
      });
    } catch (err) {
      throw new DeliveryError(`email to ${message.to}: ${(err as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
    this.logger.debug('mail transport closed');
  }
}
