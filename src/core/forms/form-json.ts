/** The `fill --json` document of the CLI contract (shared spec `cli.md`): unrounded values, null where the form is blank. */
import type { Issue } from '../workbook/issue';
import type { ErrorRateLine } from './error-rate-table';
import type { ProgramForm } from './program-form';
import type { SummaryRow, SummaryRowKey } from './summary-findings';

export interface SummaryRowJson {
  readonly universe: number | null;
  readonly sampled: number;
  readonly fraudExcluded: number | null;
  readonly correct: number;
  readonly incorrect: number;
  readonly undetermined: number | null;
  readonly dollarsPaid: number | null;
  readonly dollarsCorrect: number | null;
  readonly dollarsInError: number | null;
}

export interface FormJson {
  readonly program: string;
  readonly state: string;
  readonly date: string;
  readonly summary: Record<SummaryRowKey, SummaryRowJson>;
  readonly errorRates: {
    readonly activePayment: { dollarsInError: number | null; rate: number | null; standardError: number | null; confidence: number | null; precision: number | null; differenceEstimate: { rate: number; standardError: number | null; universeDollars: number } | null };
    readonly activeCase: RateJson;
    readonly negativeCase: RateJson;
    readonly undetermined: { dollars: number | null; percentage: number | null };
  };
}
interface RateJson { rate: number | null; standardError: number | null; confidence: number | null; precision: number | null }

export interface FillJson {
  readonly forms: readonly FormJson[];
  readonly warnings: readonly string[];
}

const dollars = (cents: number | null): number | null => (cents === null ? null : cents / 100);

function rowJson(r: SummaryRow): SummaryRowJson {
  return {
    universe: r.universe,
    sampled: r.sampled,
    fraudExcluded: r.fraudExcluded,
    correct: r.correct,
    incorrect: r.incorrect,
    undetermined: r.undetermined,
    dollarsPaid: dollars(r.dollarsPaidCents),
    dollarsCorrect: dollars(r.dollarsCorrectCents),
    dollarsInError: dollars(r.dollarsInErrorCents),
  };
}

const rateJson = (l: ErrorRateLine): RateJson => ({ rate: l.rate, standardError: l.standardError, confidence: l.confidence, precision: l.precision });

export function formJson(form: ProgramForm): FormJson {
  const r = form.errorRates;
  const d = form.active?.paymentErrorRate.differenceEstimate ?? null;
  return {
    program: form.program,
    state: form.state,
    date: form.date,
    summary: Object.fromEntries(Object.entries(form.summary).map(([k, v]) => [k, rowJson(v)])) as Record<SummaryRowKey, SummaryRowJson>,
    errorRates: {
      activePayment: {
        dollarsInError: r.activePayment.dollars,
        ...rateJson(r.activePayment),
        differenceEstimate: d === null ? null : { rate: d.rate, standardError: d.standardError, universeDollars: d.universeDollars },
      },
      activeCase: rateJson(r.activeCase),
      negativeCase: rateJson(r.negativeCase),
      undetermined: { dollars: r.undetermined.dollars, percentage: r.undetermined.percentage },
    },
  };
}

export function fillJson(forms: readonly ProgramForm[], issues: readonly Issue[]): FillJson {
  return { forms: forms.map(formJson), warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message) };
}
