// Writes a local .env with fresh secrets on first run; never overwrites one that exists.
// Secrets live only on the machine that made them (.env is git-ignored).
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';

if (existsSync('.env')) {
  console.log('.env exists; keeping it');
} else {
  const lines = [
    '# Local settings written by `npm run setup`; not committed. See README for every variable.',
    `JWT_SECRET=${randomBytes(32).toString('hex')}`,
    `FIELD_ENCRYPTION_KEY=${randomBytes(32).toString('base64')}`,
    'DATABASE_URL=postgres://postgres@127.0.0.1:5432/vetting',
    'REDIS_URL=redis://127.0.0.1:6379',
    'SIGNING_P12_PATH=tmp/dev-signing.p12',
    'SIGNING_P12_PASSPHRASE=kaocha-dev',
    '',
  ];
  writeFileSync('.env', lines.join('\n'), { mode: 0o600 });
  console.log('wrote .env with fresh secrets');
}
