import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import e2eGlobalSetup from '../../e2e/support/global-setup';

const ROOT = join(__dirname, '..', '..', '..');
const WEB = join(ROOT, 'apps', 'web');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** A fresh database (as the e2e tests) and a web build no older than its sources. */
export default async function globalSetup(): Promise<void> {
  const built = join(WEB, 'dist', 'index.html');
  const stale = !existsSync(built) || newest(join(WEB, 'src')) > statSync(built).mtimeMs;
  if (stale) {
    const res = spawnSync('npx', ['vite', 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (res.status !== 0) throw new Error('building the web app failed');
  }
  await e2eGlobalSetup();
}
