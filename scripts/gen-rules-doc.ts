/**
 * Writes docs/rules.md from the rule catalogue and the current rulebook.
 *
 *   npx tsx scripts/gen-rules-doc.ts           # regenerate
 *   npx tsx scripts/gen-rules-doc.ts --check   # exit 1 when docs/rules.md is not current (CI)
 *
 * The lib is imported by relative path so that tsx needs no path-alias configuration.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as prettier from 'prettier';
import { CURRENT_RULEBOOK_VERSION, getRulebook, renderRulesDoc } from '../libs/rulebook/src';

const target = join(__dirname, '..', 'docs', 'rules.md');
const shown = relative(process.cwd(), target) || target;

function readCurrent(): string | null {
  try {
    return readFileSync(target, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The page as the repository's Prettier would write it, so that `npm run format` (which
 * formats every file, Markdown tables included) never makes `--check` fail.
 */
async function render(): Promise<string> {
  const raw = renderRulesDoc(getRulebook(CURRENT_RULEBOOK_VERSION));
  const config = (await prettier.resolveConfig(target)) ?? {};
  return prettier.format(raw, { ...config, filepath: target });
}

async function main(): Promise<void> {
  const expected = await render();
  if (process.argv.includes('--check')) {
    if (readCurrent() !== expected) {
      console.error(`${shown} is not current: run \`npx tsx scripts/gen-rules-doc.ts\` and commit it.`);
      process.exitCode = 1;
    } else {
      console.log(`${shown} is current (rulebook ${CURRENT_RULEBOOK_VERSION}).`);
    }
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, expected, 'utf8');
  console.log(`wrote ${shown} (rulebook ${CURRENT_RULEBOOK_VERSION})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
