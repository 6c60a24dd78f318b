import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { CadreEntity, CandidateEntity, CaseExtensions, SelectionEntity } from '@app/cases';
import { CONSULTED_UNIT_KINDS, UnitsService, type UnitKind } from '@app/identity';
import { CURRENT_RULEBOOK_VERSION } from '@app/rulebook';
import type { TestApp } from './app';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A database of one's own for a test file, when its assertions count rows across all units (the
 * shared run database holds other files' units, and every consulted unit gets every request).
 */
export async function ownDatabase(suffix: string): Promise<{ url: string; restore(): Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const server = base.slice(0, base.lastIndexOf('/'));
  const name = `${process.env.KAOCHA_TEST_DB ?? 'kaocha_test'}_${suffix}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = `${server}/${name}`;
  process.env.DATABASE_URL = url;
  return {
    url,
    async restore() {
      process.env.DATABASE_URL = base;
      if (process.env.KEEP_TEST_DB === '1') return;
      const c = new Client({ connectionString: `${server}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Consulted {
  units: Record<UnitKind, { id: string; name: string }>;
  secret: string;
}

/** One unit of each consulted kind, reached at `webhookUrl` (signed with one secret) and/or `email`. */
export async function consultedUnits(t: TestApp, delivery: { webhookUrl?: string; email?: string } = {}, kinds = CONSULTED_UNIT_KINDS): Promise<Consulted> {
  const secret = randomBytes(16).toString('hex');
  const units = {} as Consulted['units'];
  for (const kind of kinds) {
    units[kind] = await t.newUnit(kind);
    if (delivery.webhookUrl || delivery.email) {
      await t.get(UnitsService).setDelivery(units[kind].id, {
        ...(delivery.webhookUrl ? { webhookUrl: delivery.webhookUrl, webhookSecret: secret } : {}),
        ...(delivery.email ? { email: delivery.email } : {}),
      });
    }
  }
  return { units, secret };
}

/**
 * A selection at `targets` with `count` candidates, written straight to the tables (the workflow
 * endpoints are another module's); the consultations are opened by `enterInspection`.
 */
export async function selectionWithCandidates(ds: DataSource, count: number, title = `选任${randomBytes(3).toString('hex')}`) {
  const [home] = await ds.query<{ id: string }[]>(`INSERT INTO unit (name, kind) VALUES ($1, 'work_unit') RETURNING id`, [`工作单位${randomBytes(4).toString('hex')}`]);
  const selection = await ds.getRepository(SelectionEntity).save({ title, rulebookVersion: CURRENT_RULEBOOK_VERSION, stage: 'targets' });
  const cadres = await ds.getRepository(CadreEntity).save(
    Array.from({ length: count }, (_x, i) => ({
      name: `候选人${i + 1}号${randomBytes(2).toString('hex')}`,
      gender: i % 2 === 0 ? ('male' as const) : ('female' as const),
      birthDate: `198${i % 10}-0${(i % 9) + 1}-15`,
      idNumberEnc: randomBytes(8).toString('hex'),
      idNumberDigest: randomBytes(16).toString('hex'),
      currentPost: `某乡镇副镇长${i + 1}`,
      unitId: home.id,
    })),
    { chunk: 200 },
  );
  const candidates = await ds.getRepository(CandidateEntity).save(
    cadres.map((c) => ({
      selectionId: selection.id,
      cadreId: c.id,
      nominatorName: '张三',
      nominatorPost: '党委书记',
      nominatorTeam: '某乡镇党委',
      responsibilityStatement: '本人对提名负责',
    })),
    { chunk: 200 },
  );
  return { selection, cadres, candidates };
}

/** What the workflow does when a selection enters inspection: the stage change and the listeners in one transaction. */
export async function enterInspection(t: TestApp, selectionId: string): Promise<void> {
  await t.dataSource.transaction(async (m) => {
    await m.update(SelectionEntity, { id: selectionId }, { stage: 'inspection' });
    const selection = await m.findOneByOrFail(SelectionEntity, { id: selectionId });
    await t.get(CaseExtensions).stageEntered(m, selection, 'inspection');
  });
}

export interface ReceivedDelivery {
  key: string;
  signature: string | undefined;
  validSignature: boolean;
  requestIds: string[];
  body: Record<string, any>;
}

/** A unit's system: records every POST; `respond` decides the status (and may delay). */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  respond: (d: ReceivedDelivery) => number | Promise<number> = () => 200;
  private server?: Server;
  url = '';

  constructor(private readonly secret: () => string | undefined = () => undefined) {}

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/consultations`;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = JSON.parse(raw) as Record<string, any>;
    const signature = req.headers['x-signature'] as string | undefined;
    const secret = this.secret();
    const d: ReceivedDelivery = {
      key: req.headers['idempotency-key'] as string,
      signature,
      validSignature: Boolean(secret && signature === createHmac('sha256', secret).update(raw).digest('hex')),
      requestIds: (body.candidates as { requestId: string }[]).map((c) => c.requestId),
      body,
    };
    this.received.push(d);
    const status = await this.respond(d);
    res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  }

  /** Request id → the distinct idempotency keys it arrived with. */
  keysByRequest(): Map<string, Set<string>> {
    const map = new Map<string, Set<string>>();
    for (const d of this.received) for (const id of d.requestIds) map.set(id, (map.get(id) ?? new Set()).add(d.key));
    return map;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
  text: string;
  /** Parts of a multipart message other than its text (e.g. the letter's PDF). */
  attachments: { contentType: string; content: Buffer }[];
}

/** An SMTP server in this process that keeps every message it receives. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, ...decodeMail(raw) });
          callback();
        });
      },
    });
    this.port = await freePort();
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * Subject (RFC 2047 words) and the base64 text body, which is what the Mailer sends; a
 * multipart/mixed message (text plus attachments) gives its text part and its other parts.
 */
function decodeMail(raw: string): { subject: string; text: string; attachments: ReceivedMail['attachments'] } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
  const body = rest.join('\n\n');
  const boundary = /^Content-Type: multipart\/[a-z]+;.*boundary="?([^";\r\n]+)"?/im.exec(unfolded)?.[1];
  if (!boundary) {
    const text = /Content-Transfer-Encoding: base64/i.test(unfolded) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
    return { subject, text, attachments: [] };
  }
  const parts = body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => {
      const [partHead, ...partBody] = p.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
      const headers = partHead.replace(/\r?\n[ \t]+/g, ' ');
      const content = partBody.join('\n\n');
      const bytes = /Content-Transfer-Encoding: base64/i.test(headers) ? Buffer.from(content.replace(/\s+/g, ''), 'base64') : Buffer.from(content, 'utf8');
      return { contentType: /^Content-Type: ([^;\r\n]+)/im.exec(headers)?.[1]?.trim().toLowerCase() ?? 'text/plain', content: bytes };
    });
  const text = parts.find((p) => p.contentType === 'text/plain')?.content.toString('utf8') ?? '';
  return { subject, text, attachments: parts.filter((p) => p.contentType !== 'text/plain') };
}

export async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** A Redis server of one's own (for FLUSHALL without touching anyone else's keys). */
export async function ownRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const until = Date.now() + 10_000;
  for (;;) {
    const probe = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (probe.stdout.trim() === 'PONG') break;
    if (Date.now() > until) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

/**
 * The worker compiled once per run into tmp/ (Nest DI needs decorator metadata, which only tsc
 * emits), so tests can run it as a real process: kill it, run two. Type errors elsewhere in the
 * tree do not stop tsc from emitting, so only a missing entry point fails.
 */
export function buildWorker(): { main: string; remove(): void } {
  const out = join(ROOT, 'tmp', `e2e-build-${process.env.KAOCHA_TEST_DB ?? 'local'}`);
  const remove = () => rmSync(out, { recursive: true, force: true });
  const main = join(out, 'apps', 'worker', 'src', 'main.js');
  if (existsSync(main)) return { main, remove };
  const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', out], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(main)) throw new Error(`worker build failed: ${tsc.stdout}${tsc.stderr}`);
  const alias = spawnSync('npx', ['tsc-alias', '-p', 'tsconfig.build.json', '--outDir', out], { cwd: ROOT, encoding: 'utf8' });
  if (alias.status !== 0) throw new Error(`tsc-alias failed: ${alias.stdout}${alias.stderr}`);
  return { main, remove };
}

export class WorkerProcess {
  private proc?: ChildProcess;
  private exited?: Promise<void>;
  output = '';

  constructor(
    private readonly main: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts the worker and resolves once it logged that it started. */
  async start(): Promise<this> {
    const node = join(ROOT, 'node_modules', '.bin', 'node');
    this.proc = spawn(existsSync(node) ? node : process.execPath, [this.main], {
      // Not the project root: the worker would read its .env there.
      cwd: join(this.main, '..', '..', '..', '..'),
      env: { ...this.env, RUN_MIGRATIONS: 'false', LOG_LEVEL: 'info', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.proc!.once('exit', () => resolve()));
    const started = new Promise<void>((resolve, reject) => {
      const onData = (c: Buffer) => {
        this.output = (this.output + c.toString()).slice(-20000);
        if (this.output.includes('kaocha-worker started')) resolve();
      };
      this.proc!.stdout!.on('data', onData);
      this.proc!.stderr!.on('data', onData);
      void this.exited!.then(() => reject(new Error(`worker exited early:\n${this.output.slice(-3000)}`)));
    });
    await started;
    return this;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.proc || this.proc.exitCode !== null) return;
    this.proc.kill(signal);
    await this.exited;
  }
}
