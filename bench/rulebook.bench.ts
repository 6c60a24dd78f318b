import { checkGate, evaluate, getRulebook, type SelectionSnapshot } from '@app/rulebook';
import { completeCandidate, completeSnapshot } from '../libs/rulebook/src/test-fixtures';
import type { BenchResult } from './harness';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

/** A 10-candidate selection in inspection with every record present (the most work per evaluation). */
function tenCandidateSnapshot(): SelectionSnapshot {
  const s = completeSnapshot();
  const names = ['王建国', '李红梅', '陈志强', '周敏', '吴鑫', '郑珺', '孙赟', '冯燊', '褚彧', '卫东'];
  s.candidates = names.map((name, i) => completeCandidate(`c${i + 1}`, name));
  return s;
}

/**
 * Pure rule evaluation of a 10-candidate selection (every rule, with evidence) next to the raw
 * baseline of walking the same snapshot once (JSON round trip of the whole object): the rules'
 * cost over merely touching the data.
 */
export function rulebookEvaluate(): Promise<BenchResult> {
  const snapshot = tenCandidateSnapshot();
  const rulebook = getRulebook('2026.1');
  const loop = (fn: () => void): number => {
    let n = 0;
    const until = performance.now() + SECONDS * 1000;
    const start = performance.now();
    while (performance.now() < until) {
      for (let i = 0; i < 50; i++) fn();
      n += 50;
    }
    return n / ((performance.now() - start) / 1000);
  };
  const rules = loop(() => {
    evaluate(snapshot, rulebook);
    checkGate(snapshot, 'deliberation', rulebook);
  });
  const raw = loop(() => {
    JSON.parse(JSON.stringify(snapshot));
  });
  return Promise.resolve({
    name: 'rulebook: evaluate + gate, 10 candidates',
    value: rules,
    unit: 'evaluations/s',
    baseline: raw,
    baselineUnit: 'JSON round trips/s of the same snapshot',
    ratio: rules / raw,
  });
}
