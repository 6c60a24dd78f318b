import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { UsersService } from '@app/identity';
import { configureHttpApp } from '@app/platform';
import { AppModule } from '../apps/api/src/app.module';
import { percentile, type BenchEnv, type BenchResult } from './harness';

const SELECTIONS = Number(process.env.BENCH_SELECTIONS ?? 10_000);
const CANDIDATES_PER_SELECTION = 7;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);

/** Every table a selection's checklist reads, by selection id (what the raw baseline reads too). */
const PER_SELECTION_TABLES = [
  'selection_post',
  'motion',
  'work_plan',
  'recommendation',
  'target_meeting',
  'deliberation',
  'vote',
  'waiver',
  'candidate',
  'interview',
  'inspection_check',
  'democratic_evaluation',
  'extended_inspection',
  'personal_matters_verification',
  'notice',
  'report',
];

/**
 * GET /api/selections/:id/checklist (auth, every record, extension evidence, full rule evaluation)
 * on a database seeded with 10,000 selections, next to raw pg reading the same tables for the same
 * selection. Latencies, one request at a time: p50/p95.
 */
export async function checklistLatency(env: BenchEnv): Promise<BenchResult> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: false });
  configureHttpApp(app, { swagger: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const pg = new Client({ connectionString: env.databaseUrl });
  await pg.connect();
  try {
    await app.get(UsersService).create({ username: 'benchlist', displayName: '基准', password: 'bench-password-1' }, ['org_admin']);
    const { accessToken } = (await (
      await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'benchlist', password: 'bench-password-1' }),
      })
    ).json()) as { accessToken: string };

    await seed(pg);
    const [{ id: target }] = (await pg.query<{ id: string }>(`SELECT id FROM selection ORDER BY created_at DESC LIMIT 1`)).rows;
    const headers = { authorization: `Bearer ${accessToken}` };
    const check = await fetch(`${url}/api/selections/${target}/checklist`, { headers });
    if (!check.ok) throw new Error(`checklist answered ${check.status}: ${await check.text()}`);

    const product = await sample(async () => {
      const res = await fetch(`${url}/api/selections/${target}/checklist`, { headers });
      await res.arrayBuffer();
    });
    const raw = await sample(async () => {
      for (const table of PER_SELECTION_TABLES) await pg.query(`SELECT * FROM ${table} WHERE selection_id = $1`, [target]);
    });
    return {
      name: `checklist GET /api/selections/:id/checklist (${SELECTIONS} selections in the database)`,
      value: product.p50,
      unit: `ms p50 (p95 ${product.p95.toFixed(1)} ms)`,
      baseline: raw.p50,
      baselineUnit: `ms p50 raw pg reads of the same ${PER_SELECTION_TABLES.length} tables (p95 ${raw.p95.toFixed(1)} ms)`,
      ratio: product.p50 / raw.p50,
      notes: `${CANDIDATES_PER_SELECTION} candidates per selection; ratio is a cost factor (higher = slower)`,
    };
  } finally {
    await pg.end();
    await app.close();
  }
}

async function sample(fn: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Straight SQL: 10,000 selections in inspection with their candidates (seeding through the API would take the bench's time). */
async function seed(pg: Client): Promise<void> {
  await pg.query('BEGIN');
  const unit = await pg.query<{ id: string }>(`INSERT INTO unit (name, kind) VALUES ('基准单位', 'work_unit') RETURNING id`);
  await pg.query(
    `INSERT INTO cadre (name, gender, birth_date, id_number_enc, id_number_digest, current_post, unit_id)
     SELECT '基准干部' || g, 'male', '1980-01-01', 'v1.x.x.x', 'bench-' || g, '科长', $1 FROM generate_series(1, $2) g`,
    [unit.rows[0].id, CANDIDATES_PER_SELECTION],
  );
  await pg.query(
    `INSERT INTO selection (title, rulebook_version, stage, created_at)
     SELECT '基准选任工作 ' || g, '2026.1', 'inspection', now() - (($1 - g) || ' seconds')::interval FROM generate_series(1, $1) g`,
    [SELECTIONS],
  );
  await pg.query(
    `INSERT INTO candidate (selection_id, cadre_id, nominator_name, nominator_post, nominator_team, responsibility_statement)
     SELECT s.id, c.id, '赵书记', '县委书记', '县委常委会', '本人对提名负责' FROM selection s CROSS JOIN cadre c`,
  );
  await pg.query('COMMIT');
  await pg.query('ANALYZE');
}
