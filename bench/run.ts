import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditedWrite } from './audited-write.bench';
import { checklistLatency } from './checklist.bench';
import { run as consultationsFanout } from './consultations-fanout.bench';
import { documentsBench } from './documents.bench';
import { rulebookEvaluate } from './rulebook.bench';
import { prepareBenchEnv, type BenchEnv, type BenchResult } from './harness';

/** Every case: the product path next to a raw baseline measured in the same run. */
const CASES: { name: string; run: (env: BenchEnv) => Promise<BenchResult | BenchResult[]> }[] = [
  { name: 'audited-write', run: auditedWrite },
  { name: 'rulebook', run: rulebookEvaluate },
  { name: 'checklist', run: checklistLatency },
  { name: 'documents', run: documentsBench },
  { name: 'consultations-fanout', run: consultationsFanout },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const env = await prepareBenchEnv();
  const results: BenchResult[] = [];
  const failed: string[] = [];
  try {
    for (const c of CASES.filter((c) => only.length === 0 || only.includes(c.name))) {
      process.stdout.write(`running ${c.name} …\n`);
      try {
        const r = await c.run(env);
        results.push(...(Array.isArray(r) ? r : [r]));
      } catch (err) {
        failed.push(c.name);
        console.error(`${c.name} failed: ${(err as Error).stack ?? String(err)}`);
      }
    }
  } finally {
    await env.drop();
  }
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
  const rows = results.map((r) => `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${fmt(r.baseline)} ${r.baselineUnit} | ${r.ratio.toFixed(2)} | ${r.notes ?? ''} |`);
  const table = ['| case | product | raw baseline (same run) | ratio | notes |', '|---|---|---|---|---|', ...rows].join('\n');
  console.log(`\n${table}\n`);
  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`. Each case runs the product path and a raw baseline in the same run, on',
    'the same machine, and reports the ratio; absolute numbers vary with the machine, ratios less so.',
    'There are no timing assertions in the test suite.',
    '',
    `Last run: ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}.`,
    '',
    table,
    '',
  ].join('\n');
  // A partial run (named cases) prints its table but leaves the committed page to full runs.
  if (only.length === 0) writeFileSync(join(__dirname, '..', '..', 'docs', 'benchmarks.md'), doc);
  if (failed.length > 0) throw new Error(`failed cases: ${failed.join(', ')}`);
}

main()
  .then(() => process.exit(0))
  .catch((err: Error) => {
    console.error(`bench failed: ${err.stack ?? err.message}`);
    process.exit(1);
  });
