import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { getRulebook, CURRENT_RULEBOOK_VERSION } from './rulebooks';
import { ALL_RULE_IDS } from './rules.catalogue';
import { renderRulesDoc } from './rules-doc';

describe(renderRulesDoc.name, () => {
  const doc = renderRulesDoc(getRulebook(CURRENT_RULEBOOK_VERSION));

  it('should list every rule id with its gate and waivability', () => {
    for (const id of ALL_RULE_IDS) {
      expect(doc).toContain(`| \`${id}\` |`);
    }
    expect(doc).toContain('| `seven_talks.cppcc_members` | 必谈：政协委员 | Interview: CPPCC members | 组织考察 → 讨论前酝酿 | 每名人选 | 是 |');
    expect(doc).toContain('每个环节');
  });

  it('should show the parameters of the current rulebook', () => {
    expect(doc).toContain('| `inspectionRatio` | 3 |');
    expect(doc).toContain('| `quorum` | 2/3 |');
  });

  it('should match the committed docs/rules.md when the catalogue has not changed', async () => {
    const target = join(__dirname, '..', '..', '..', 'docs', 'rules.md');
    const committed = readFileSync(target, 'utf8');
    // The script writes the page through the repository's Prettier; so does this check.
    const config = (await prettier.resolveConfig(target)) ?? {};
    const expected = await prettier.format(doc, { ...config, filepath: target });
    // On failure: run `npx tsx scripts/gen-rules-doc.ts` and commit docs/rules.md.
    expect(committed).toBe(expected);
  });
});
