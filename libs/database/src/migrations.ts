import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every migration class, loaded from libs/database/migrations (TypeScript under ts-jest,
 * compiled JavaScript in dist). Listed from the folder so a new migration needs no registration.
 */
export function migrationClasses(): Function[] {
  const dir = join(__dirname, '..', 'migrations');
  return readdirSync(dir)
    .filter((f) => /^\d+-[\w-]+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .flatMap((f) => Object.values(require(join(dir, f)) as Record<string, Function>));
}
