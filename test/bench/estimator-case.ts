// One estimator benchmark run in a fresh process: `tsx test/bench/estimator-case.ts <cases>`.
// Prints one JSON line: cases, cells, milliseconds for lines G-J, peak resident memory.
import { estimateActive, type CellUniverse, type SampledCase } from '../../src/core/estimator';

const caseCount = Number(process.argv[2] ?? 10_000);
const strata = 3;
const months = 12;
const cells: CellUniverse[] = [];
for (let h = 1; h <= strata; h++) for (let m = 1; m <= months; m++) cells.push({ cellId: `${h}|${m}`, universeCount: caseCount * 100 });

// Deterministic pseudo-random cases (mulberry32).
let seed = 20261123;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const cases: SampledCase[] = Array.from({ length: caseCount }, (_, i) => {
  const paid = Math.round(random() * 400_000) / 100;
  const r = random();
  return {
    cellId: (cells[i % cells.length] as CellUniverse).cellId,
    paidDollars: paid,
    errorDollars: r < 0.05 ? paid : 0,
    caseError: r < 0.05,
    undetermined: r > 0.99,
    fraud: r > 0.999,
  };
});

const start = performance.now();
const result = estimateActive(cases, cells);
const milliseconds = performance.now() - start;
if (!result.ok) throw new Error(JSON.stringify(result.issues));
console.log(JSON.stringify({ cases: caseCount, cells: cells.length, milliseconds, peakRssMiB: process.resourceUsage().maxRSS / 1024, rate: result.value.paymentErrorRate.rate }));
