import type { EstimatorResult } from './issues';
import { estimateRatio } from './ratio-estimate';
import { withPrecision, type RateWithPrecision } from './rate-with-precision';
import { prepareSample, type SampleData } from './sample-data';
import { defaultEstimatorOptions, type CellUniverse, type EstimatorOptions, type SampledCase } from './types';

/** Line I: the negative case error rate, overall and for each domain (Denials, Terminations). */
export interface NegativeEstimates {
  readonly caseErrorRate: RateWithPrecision;
  /** Domain estimates within the cells, keyed by domain label, in first-seen order. */
  readonly byDomain: ReadonlyMap<string, RateWithPrecision>;
  readonly sample: SampleData;
  readonly errorsFound: number;
  readonly reviewedCases: number;
}

/**
 * Line I of CMS-10184E: the weighted share of negative cases incorrectly denied or terminated
 * (`ID`, `IT`), by the ratio estimator over the negative sample (shared spec `estimator.md`).
 * With one cell this is k/n with variance (1 − n/N) p(1 − p)/(n − 1). Denials and terminations
 * are separate cells when the universe counts give them apart, and domains otherwise: a domain
 * estimate is the ratio Σ w·error·[in domain] / Σ w·[in domain] (Lohr 2019, sec. 4.3).
 */
export function estimateNegative(
  cases: readonly SampledCase[],
  universes: readonly CellUniverse[],
  options: EstimatorOptions = defaultEstimatorOptions,
): EstimatorResult<NegativeEstimates> {
  const prepared = prepareSample(cases, universes, options);
  if (!prepared.ok) return prepared;
  const sample = prepared.value;
  const { design } = sample;
  const n = design.sampleCount;
  const errors = new Float64Array(n);
  let errorsFound = 0;
  let reviewedCases = 0;
  const domains: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = cases[i] as SampledCase;
    if (c.domain !== undefined && !domains.includes(c.domain)) domains.push(c.domain);
    if (sample.inDomain[i] === 0) continue;
    reviewedCases += 1;
    if (c.caseError) {
      errors[i] = 1;
      errorsFound += 1;
    }
  }
  const byDomain = new Map<string, RateWithPrecision>();
  for (const domain of domains) {
    const inDomain = new Float64Array(n);
    const domainErrors = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if ((cases[i] as SampledCase).domain !== domain) continue;
      inDomain[i] = sample.inDomain[i] as number;
      domainErrors[i] = errors[i] as number;
    }
    byDomain.set(domain, withPrecision(design, estimateRatio(design, domainErrors, inDomain), options));
  }
  return {
    ok: true,
    value: {
      caseErrorRate: withPrecision(design, estimateRatio(design, errors, sample.inDomain), options),
      byDomain,
      sample,
      errorsFound,
      reviewedCases,
    },
    warnings: prepared.warnings,
  };
}
