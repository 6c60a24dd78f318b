import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/common';
import { dataSourceOptions, ensureDatabase } from '@app/database';

/** `npm run migrate [-- --revert]`: the deploy step that runs (or reverts the last) migration. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const ds = await new DataSource(dataSourceOptions(config.DATABASE_URL)).initialize();
  try {
    if (process.argv.includes('--revert')) {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else {
      const done = await ds.runMigrations({ transaction: 'each' });
      console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'schema is up to date');
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  console.error(`migration failed: ${err.message}`);
  process.exit(1);
});
