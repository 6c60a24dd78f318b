/**
 * Creates the development sealing key: a self-signed RSA-2048 certificate for
 * CN=中共示范县委组织部, O=中共示范县委员会组织部, C=CN in a PKCS#12.
 *
 *   npx tsx scripts/dev-cert.ts [outPath]     (default tmp/dev-signing.p12)
 *
 * Passphrase: $SIGNING_P12_PASSPHRASE, or kaocha-dev. Never use this key in production: the
 * production seal is the organization department's certificate issued by its CA.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createDevCertificate, DEV_P12_PASSPHRASE, loadSigner, certificateSubject } from '@app/documents';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outPath = resolve(args.find((a) => !a.startsWith('--')) ?? 'tmp/dev-signing.p12');
  // Keep an existing key: documents sealed with it must stay verifiable across restarts.
  if (existsSync(outPath) && !args.includes('--force')) {
    process.stdout.write(`${outPath} exists; keeping it (--force makes a new one)
`);
    return;
  }
  const passphrase = process.env.SIGNING_P12_PASSPHRASE || DEV_P12_PASSPHRASE;
  const dev = await createDevCertificate({ passphrase });
  mkdirSync(dirname(outPath), { recursive: true });
  // 0600: it is a private key, even if only a development one.
  writeFileSync(outPath, dev.p12, { mode: 0o600 });
  writeFileSync(outPath.replace(/\.p12$/, '') + '.crt.pem', dev.certificatePem);
  // Read it back the way the worker will, so a broken file is caught here and not at sealing.
  const signer = await loadSigner(outPath, passphrase);
  process.stdout.write(
    `Wrote ${outPath} (${certificateSubject(signer.certificate)})\n` +
      `Passphrase: ${process.env.SIGNING_P12_PASSPHRASE ? 'from SIGNING_P12_PASSPHRASE' : DEV_P12_PASSPHRASE}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`dev-cert failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
