import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * Runs the API and the worker from the build as two child processes (as production would run two
 * containers), forwards signals, and stops both if either dies.
 */
const root = join(__dirname, '..');
const apps = { api: join(root, 'apps/api/src/main.js'), worker: join(root, 'apps/worker/src/main.js') };
const children: ChildProcess[] = [];
let stopping = false;

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
}

for (const [name, entry] of Object.entries(apps)) {
  const child = spawn(process.execPath, [entry], { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => {
    if (!stopping) console.error(`kaocha-${name} exited (${code ?? 'signal'}); stopping`);
    stop(code ?? 1);
  });
  children.push(child);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
