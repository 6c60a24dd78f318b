import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { canonicalJson, sha256 } from '@app/common';
import { UnitsService, UsersService } from '@app/identity';
import { configureHttpApp } from '@app/platform';
import { AppModule } from '../apps/api/src/app.module';
import { throughput, type BenchEnv, type BenchResult } from './harness';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 8;

/**
 * An audited write through the whole HTTP stack (auth, validation, transaction, row lock, audit
 * chain append) next to raw Postgres transactions making the same update and audit insert.
 */
export async function auditedWrite(env: BenchEnv): Promise<BenchResult> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: false });
  configureHttpApp(app, { swagger: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  try {
    const unit = await app.get(UnitsService).create({ name: '基准测试单位', kind: 'work_unit' });
    await app.get(UsersService).create({ username: 'benchclerk', displayName: '基准', password: 'bench-password-1' }, ['org_admin']);
    const login = (await (
      await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'benchclerk', password: 'bench-password-1' }),
      })
    ).json()) as { accessToken: string };

    const api = await autocannon({
      url: `${url}/api/units/${unit.id}/delivery`,
      method: 'PUT',
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.cn' }),
    });
    if (api.non2xx > 0) throw new Error(`audited write bench: ${api.non2xx} non-2xx responses`);

    // Raw: the same rows, the same chain discipline (advisory lock, head read, hash), no framework.
    const pool = new Pool({ connectionString: env.databaseUrl, max: CONNECTIONS });
    const raw = await rawLoop(pool, unit.id).finally(() => pool.end());
    const value = api.requests.average;
    return {
      name: 'audited write (HTTP PUT /api/units/:id/delivery)',
      value,
      unit: 'req/s',
      baseline: raw,
      baselineUnit: 'tx/s (raw pg: update + chained audit insert)',
      ratio: value / raw,
      notes: `p50 ${api.latency.p50} ms, p99 ${api.latency.p99} ms, ${CONNECTIONS} connections`,
    };
  } finally {
    await app.close();
  }
}

async function rawLoop(pool: Pool, unitId: string): Promise<number> {
  return throughput(SECONDS, CONNECTIONS, async () => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      // Same lock order as the service: the unit row first, then the chain head.
      await c.query(`UPDATE unit SET email = 'bench@example.cn', updated_at = now() WHERE id = $1`, [unitId]);
      await c.query(`SELECT pg_advisory_xact_lock(hashtextextended('system', 0))`);
      const head = await c.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM audit_event WHERE chain_key = 'system' ORDER BY seq DESC LIMIT 1`);
      const seq = (head.rows[0]?.seq ?? 0) + 1;
      const prev = head.rows[0]?.hash ?? '0'.repeat(64);
      const occurredAt = new Date();
      const hash = sha256(prev + canonicalJson({ seq, action: 'unit.delivery_set', entityId: unitId, occurredAt }));
      await c.query(
        `INSERT INTO audit_event (chain_key, seq, action, entity, entity_id, after, occurred_at, hash_alg, prev_hash, hash)
         VALUES ('system', $1, 'unit.delivery_set', 'unit', $2, $3, $4, 'sha256', $5, $6)`,
        [seq, unitId, { email: 'bench@example.cn' }, occurredAt, prev, hash],
      );
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      c.release();
    }
  });
}
