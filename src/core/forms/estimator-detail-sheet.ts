/**
 * The `Estimator Detail` sheet: for every rate on lines G-J, one row per cell (month and stratum)
 * with N, n, weight, sums, means, variances and the cell's variance term, and the rate, standard
 * error, interval and precision built from those rows with native Excel formulas, so a reviewer
 * can re-derive every number in plain Excel (shared spec `estimator.md`; Cochran 1977, eq. 6.13).
 */
import { cellStatistics, compensatedSum, weightedTotal, type CellStatistics, type Design } from '../estimator';
import { absoluteAddress, columnLetter, quoteSheetName } from '../workbook/address';
import { blankCell, COUNT_FORMAT, DECIMAL_FORMAT, formulaCell, MONEY_FORMAT, numberCell, PERCENT_1DP_FORMAT, textCell } from '../workbook/output-cells';
import { ESTIMATOR_DETAIL_SHEET } from '../workbook/owned-sheets';
import type { OutputCell, OwnedSheet } from '../workbook/port';
import type { Program } from '../workbook/program';
import type { EstimatorSample } from './eligibility-design';
import { choicesRows, negativeDesignText } from './estimator-choices';
import type { ProgramForm } from './program-form';

/** Sheet-qualified absolute addresses of the results of one block. */
export interface RateRefs {
  readonly rate: string;
  readonly standardError: string;
  readonly precision: string;
  readonly lower: string;
  readonly upper: string;
  readonly confidence: string;
}
export interface DetailRefs {
  readonly G?: RateRefs & { readonly dollarsInError: string; readonly dollarsInErrorSe: string };
  readonly H?: RateRefs;
  readonly I?: RateRefs;
  readonly J?: { readonly dollars: string; readonly percentage: string };
}

/** The columns of every cell block, A to R: heading and starting width (widened to fit by the owned-sheet guard). */
const COLUMNS: readonly { readonly header: string; readonly width: number }[] = [
  { header: 'Cell', width: 18 }, { header: 'Month', width: 10 }, { header: 'Stratum', width: 14 }, { header: 'N (universe)', width: 12 },
  { header: 'n (sampled)', width: 10 }, { header: 'Weight N/n', width: 12 }, { header: 'Σy', width: 16 }, { header: 'Σx', width: 16 },
  { header: 'Mean y', width: 14 }, { header: 'Mean x', width: 14 }, { header: 's²y', width: 14 }, { header: 's²x', width: 14 },
  { header: 'sxy', width: 14 }, { header: 'w·Σy', width: 18 }, { header: 'w·Σx', width: 18 }, { header: 'Variance term of the rate', width: 16 },
  { header: 'Variance term of Σy', width: 16 }, { header: 'Universe dollars', width: 16 },
];
const HEADERS = COLUMNS.map((c) => c.header);
const HEADER = { bold: true, fill: 'D9E1F2', wrap: true, border: 'thin' } as const;
const TITLE = { bold: true, fill: 'FFF2CC' } as const;
const CONFIDENCE_CELL = absoluteAddress(2, 3);

const ref = (col: number, row: number): string => `${quoteSheetName(ESTIMATOR_DETAIL_SHEET)}!${absoluteAddress(col, row)}`;

class SheetRows {
  readonly rows: OutputCell[][] = [];
  get next(): number {
    return this.rows.length + 1;
  }
  push(...cells: OutputCell[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }
}

interface BlockSpec {
  readonly title: string;
  readonly design: Design;
  readonly y: ArrayLike<number>;
  readonly x: ArrayLike<number>;
  readonly sample: EstimatorSample;
  readonly dollars: boolean;
  /** False for a block with no rate (line J): its column P stays blank, as there is no R̂ to linearise about. */
  readonly ratio?: boolean;
}

interface BlockRows {
  readonly first: number;
  readonly last: number;
  readonly stats: readonly CellStatistics[];
}

/** The per-cell rows of a block; returns where they are. */
function cellRows(out: SheetRows, spec: BlockSpec, rate: number | null, xHat: number | null): BlockRows {
  out.push(textCell(spec.title, TITLE));
  out.push(...HEADERS.map((h) => textCell(h, HEADER)));
  const stats = cellStatistics(spec.design, spec.y, spec.x);
  const first = out.next;
  const money = spec.dollars ? { numberFormat: MONEY_FORMAT } : { numberFormat: DECIMAL_FORMAT };
  for (const s of stats) {
    const r = out.next;
    const { universeCount: N, sampleCount: n, weight } = s.cell;
    const label = spec.sample.cellLabels.get(s.cell.cellId);
    const a = (col: string) => `${col}${r}`;
    const censusOr = (expr: string) => `IF(${a('E')}=${a('D')},0,IF(${a('E')}<2,NA(),${expr}))`;
    const ratioTerm = rate === null || xHat === null || s.varianceY === null || s.varianceX === null || s.covarianceXY === null
      ? (n === N ? 0 : null)
      : n === N ? 0 : (N * N * (1 - n / N) * (s.varianceY - 2 * rate * s.covarianceXY + rate * rate * s.varianceX)) / n / (xHat * xHat);
    const totalTerm = s.varianceY === null ? (n === N ? 0 : null) : n === N ? 0 : (N * N * (1 - n / N) * s.varianceY) / n;
    out.push(
      textCell(s.cell.cellId),
      textCell(label?.month ?? 'year'),
      textCell(label?.stratum ?? ''),
      numberCell(N, { numberFormat: COUNT_FORMAT }),
      numberCell(n, { numberFormat: COUNT_FORMAT }),
      formulaCell(`${a('D')}/${a('E')}`, weight, { numberFormat: '0.0000' }), // w_c = N_c / n_c
      numberCell(s.sumY, money),
      numberCell(s.sumX, money),
      formulaCell(`${a('G')}/${a('E')}`, s.sumY / n, money),
      formulaCell(`${a('H')}/${a('E')}`, s.sumX / n, money),
      numberCell(s.varianceY, { numberFormat: '0.000000E+00' }),
      numberCell(s.varianceX, { numberFormat: '0.000000E+00' }),
      numberCell(s.covarianceXY, { numberFormat: '0.000000E+00' }),
      formulaCell(`${a('F')}*${a('G')}`, weight * s.sumY, money),
      formulaCell(`${a('F')}*${a('H')}`, weight * s.sumX, money),
      // N²(1 − n/N)(s²y − 2R·sxy + R²·s²x) / n / X̂²: the cell's share of V(R̂) (Cochran eq. 6.13)
      spec.ratio === false
        ? blankCell()
        : formulaCell(censusOr(`${a('D')}^2*(1-${a('E')}/${a('D')})*(${a('K')}-2*{R}*${a('M')}+{R}^2*${a('L')})/${a('E')}/{X}^2`), ratioTerm, { numberFormat: '0.000000E+00' }),
      // N²(1 − n/N) s²y / n: the cell's share of V(Ŷ) (Cochran eq. 5.6)
      formulaCell(censusOr(`${a('D')}^2*(1-${a('E')}/${a('D')})*${a('K')}/${a('E')}`), totalTerm, { numberFormat: '0.000000E+00' }),
      s.cell.universeDollars === undefined ? blankCell() : numberCell(s.cell.universeDollars, { numberFormat: MONEY_FORMAT }),
    );
  }
  return { first, last: out.next - 1, stats };
}

/** Replaces the {R} and {X} placeholders of the variance-term formulas once the summary rows are placed. */
function resolvePlaceholders(out: SheetRows, block: BlockRows, rateRow: number, xHatRow: number): void {
  for (let r = block.first; r <= block.last; r++) {
    const row = out.rows[r - 1]!;
    row.forEach((cell, i) => {
      if (cell !== null && 'formula' in cell) row[i] = { ...cell, formula: cell.formula.replaceAll('{R}', `$D$${rateRow}`).replaceAll('{X}', `$D$${xHatRow}`) };
    });
  }
}

const label = (text: string): OutputCell => textCell(text, { bold: true });

const ESTIMATOR_NOTE = 'Each block has one row per cell (sample month and stratum). Weight = N/n. Rate R̂ = Σ w·Σy / Σ w·Σx. Variance term = N²(1 − n/N)(s²y − 2R̂·sxy + R̂²·s²x) / n / X̂² (Taylor linearisation, Cochran 1977 eq. 6.13); V = Σ terms; precision = q·√V. Fraud cases count in n but add 0 to the sums. A cell with one case (n = 1 < N) shows #N/A: its variance cannot be estimated.';

/** Points for a wrapped note across columns of these widths: 15 points a line, a line holding about the columns' width in characters. */
function noteHeightPoints(text: string, widths: readonly number[]): number {
  const perLine = Math.max(20, widths.reduce((a, b) => a + b, 0) * 0.9);
  return 15 * Math.ceil(text.length / perLine) + 4;
}

interface RateSummary {
  readonly rate: number | null;
  readonly xHat: number;
  readonly yHat: number;
  readonly se: number | null;
  readonly quantile: number;
  readonly precision: number | null;
  readonly degreesOfFreedom: number;
}

/** Ŷ, X̂, R̂, V, SE, df, q, precision and limits as formulas over the block's rows. */
function rateSummaryRows(out: SheetRows, block: BlockRows, s: RateSummary, quantileKind: 'normal' | 't', format: string): RateRefs & { yHatRow: number; rateRow: number; seRow: number } {
  const col = (c: string) => `${c}${block.first}:${c}${block.last}`;
  const yHatRow = out.push(label('Ŷ = Σ w·Σy'), blankCell(), blankCell(), formulaCell(`SUM(${col('N')})`, s.yHat, { numberFormat: format === PERCENT_1DP_FORMAT ? '#,##0.00' : MONEY_FORMAT }));
  const xHatRow = out.push(label('X̂ = Σ w·Σx'), blankCell(), blankCell(), formulaCell(`SUM(${col('O')})`, s.xHat, { numberFormat: format === PERCENT_1DP_FORMAT ? '#,##0.00' : MONEY_FORMAT }));
  const rateRow = out.next;
  out.push(label('Rate R̂ = Ŷ / X̂'), blankCell(), blankCell(), formulaCell(`IF(D${xHatRow}=0,NA(),D${yHatRow}/D${xHatRow})`, s.rate, { numberFormat: DECIMAL_FORMAT }), formulaCell(`D${rateRow}`, s.rate, { numberFormat: PERCENT_1DP_FORMAT }));
  resolvePlaceholders(out, block, rateRow, xHatRow);
  const varianceRow = out.push(label('V(R̂) = Σ variance terms'), blankCell(), blankCell(), formulaCell(`SUM(${col('P')})`, s.se === null ? null : s.se * s.se, { numberFormat: '0.000000E+00' }));
  const seRow = out.push(label('Standard error √V'), blankCell(), blankCell(), formulaCell(`SQRT(D${varianceRow})`, s.se, { numberFormat: DECIMAL_FORMAT }));
  const dfRow = out.push(label('Degrees of freedom: n − cells'), blankCell(), blankCell(), formulaCell(`SUM(${col('E')})-ROWS(${col('E')})`, s.degreesOfFreedom, { numberFormat: COUNT_FORMAT }));
  const quantileFormula = quantileKind === 't' ? `TINV(1-${CONFIDENCE_CELL},D${dfRow})` : `NORMSINV(1-(1-${CONFIDENCE_CELL})/2)`;
  const qRow = out.push(label(quantileKind === 't' ? 'Quantile q (t, two-sided)' : 'Quantile q (normal, two-sided)'), blankCell(), blankCell(), formulaCell(quantileFormula, s.quantile, { numberFormat: DECIMAL_FORMAT }));
  const precisionRow = out.next;
  out.push(label('Precision q·SE'), blankCell(), blankCell(), formulaCell(`D${qRow}*D${seRow}`, s.precision, { numberFormat: DECIMAL_FORMAT }), formulaCell(`D${precisionRow}`, s.precision, { numberFormat: PERCENT_1DP_FORMAT }));
  const lowerRow = out.push(label('Lower limit R̂ − q·SE'), blankCell(), blankCell(), formulaCell(`D${rateRow}-D${precisionRow}`, s.rate === null || s.precision === null ? null : s.rate - s.precision, { numberFormat: DECIMAL_FORMAT }));
  const upperRow = out.push(label('Upper limit R̂ + q·SE'), blankCell(), blankCell(), formulaCell(`D${rateRow}+D${precisionRow}`, s.rate === null || s.precision === null ? null : s.rate + s.precision, { numberFormat: DECIMAL_FORMAT }));
  return {
    rate: ref(4, rateRow),
    standardError: ref(4, seRow),
    precision: ref(4, precisionRow),
    lower: ref(4, lowerRow),
    upper: ref(4, upperRow),
    confidence: `${quoteSheetName(ESTIMATOR_DETAIL_SHEET)}!${CONFIDENCE_CELL}`,
    yHatRow,
    rateRow,
    seRow,
  };
}

/** Builds the sheet for every filled program, and where each result sits for the form to reference. */
export function buildEstimatorDetail(forms: readonly ProgramForm[], confidence: number, quantileKind: 'normal' | 't'): { sheet: OwnedSheet; refs: Map<Program, DetailRefs> } {
  const out = new SheetRows();
  out.push(textCell('Estimator Detail: how lines G-J of CMS-10184E were computed', { bold: true }));
  out.push(textCell('How each number is computed: see the notes below the last table.', { italic: true }));
  out.push(label('Confidence'), numberCell(confidence, { numberFormat: PERCENT_1DP_FORMAT }));
  // The column headings once more, frozen on screen and repeated on every printed page.
  const headingRow = out.push(...HEADERS.map((h) => textCell(h, HEADER)));
  const refs = new Map<Program, DetailRefs>();

  for (const form of forms) {
    const detail: { -readonly [K in keyof DetailRefs]: DetailRefs[K] } = {};
    const a = form.active;
    if (a !== null) {
      const design = a.sample.design;
      out.push();
      const g = a.paymentErrorRate;
      const gBlock = cellRows(out, { title: `${form.program}, line G: active payment error rate (y = dollars in error${a.options.undeterminedAsError ? ', undetermined cases at their paid amount' : ''}; x = dollars paid)`, design, y: a.errorDollarsUsed, x: a.sample.paid, sample: form.samples.active, dollars: true }, g.rate, g.dollarsPaid.total);
      const gRefs = rateSummaryRows(out, gBlock, { rate: g.rate, xHat: g.dollarsPaid.total, yHat: g.dollarsInError.total, se: g.standardError, quantile: g.interval.quantile, precision: g.interval.precision, degreesOfFreedom: g.interval.degreesOfFreedom }, quantileKind, MONEY_FORMAT);
      const col = (c: string) => `${c}${gBlock.first}:${c}${gBlock.last}`;
      const seRow = out.push(label('SE of Ŷ (projected dollars in error) = √Σ variance terms of Σy'), blankCell(), blankCell(), formulaCell(`SQRT(SUM(${col('Q')}))`, g.dollarsInError.standardError, { numberFormat: MONEY_FORMAT }));
      let amountRow = gRefs.yHatRow;
      let amountSeRow = seRow;
      if (g.differenceEstimate !== null && g.ratioTotal !== null) {
        const d = g.differenceEstimate;
        // X is the whole active universe's dollars: the cells' column R, plus any month and stratum counted but not sampled.
        const sampledX = compensatedSum(gBlock.stats.map((st) => st.cell.universeDollars ?? 0));
        const xRow = Math.abs(sampledX - d.universeDollars) <= 1e-9 * Math.abs(d.universeDollars)
          ? out.push(label('Universe dollars X (known: Dollars column of the universe counts)'), blankCell(), blankCell(), formulaCell(`SUM(${col('R')})`, d.universeDollars, { numberFormat: MONEY_FORMAT }))
          : out.push(label('Universe dollars X (Dollars column of the universe counts, unsampled cells included)'), blankCell(), blankCell(), numberCell(d.universeDollars, { numberFormat: MONEY_FORMAT }));
        // Ratio estimate of the total, R̂·X with SE(R̂)·X (Cochran 1977 eq. 6.9): line G's Dollar Amount.
        amountRow = out.push(label('Ratio estimate R̂ · X: ON THE FORM (line G Dollar Amount)'), blankCell(), blankCell(), formulaCell(`D${gRefs.rateRow}*D${xRow}`, g.ratioTotal.total, { numberFormat: MONEY_FORMAT }));
        amountSeRow = out.push(label('SE of the ratio estimate SE(R̂) · X'), blankCell(), blankCell(), formulaCell(`D${gRefs.seRow}*D${xRow}`, g.ratioTotal.standardError, { numberFormat: MONEY_FORMAT }));
        out.push(label('Expansion estimate Ŷ_e = Σ w·Σy (not on the form)'), blankCell(), blankCell(), formulaCell(`D${gRefs.yHatRow}`, g.dollarsInError.total, { numberFormat: MONEY_FORMAT }));
        out.push(label('Difference estimator R_d = Ŷ_e / X (not on the form)'), blankCell(), blankCell(), formulaCell(`D${gRefs.yHatRow}/D${xRow}`, d.rate, { numberFormat: DECIMAL_FORMAT }), formulaCell(`D${gRefs.yHatRow}/D${xRow}`, d.rate, { numberFormat: PERCENT_1DP_FORMAT }));
        out.push(label('SE of the difference estimator SE(Ŷ_e) / X'), blankCell(), blankCell(), formulaCell(`D${seRow}/D${xRow}`, d.standardError, { numberFormat: DECIMAL_FORMAT }));
        out.push(textCell(`On the form: line G Dollar Amount = R̂ · X (the ratio estimate), so Dollar Amount / X = the line G rate. The expansion estimate and the difference estimator R_d = Ŷ_e / X are shown for comparison (72 FR 50490 describes both and says CMS plans to use the ratio estimator).`, { italic: true }));
      } else {
        out.push(textCell('On the form: line G Dollar Amount = Ŷ_e = Σ w·Σy (the expansion estimate), because the universe dollars X are not known (the Dollars column of the universe counts is blank). With X, it would be R̂ · X.', { italic: true }));
      }
      detail.G = { ...gRefs, dollarsInError: ref(4, amountRow), dollarsInErrorSe: ref(4, amountSeRow) };

      out.push();
      const h = a.caseErrorRate;
      const reviewedWeighted = weightedTotal(design, a.sample.inDomain);
      const hRows = cellRows(out, { title: `${form.program}, line H: active case error rate (y = 1 for NE${a.options.undeterminedAsError ? ' or U' : ''}; x = 1 for every reviewed case)`, design, y: a.caseErrorsUsed, x: a.sample.inDomain, sample: form.samples.active, dollars: false }, h.rate, reviewedWeighted);
      detail.H = rateSummaryRows(out, hRows, { rate: h.rate, xHat: reviewedWeighted, yHat: weightedTotal(design, a.caseErrorsUsed), se: h.standardError, quantile: h.interval.quantile, precision: h.interval.precision, degreesOfFreedom: h.interval.degreesOfFreedom }, quantileKind, PERCENT_1DP_FORMAT);

      out.push();
      const undeterminedPaid = new Float64Array(design.sampleCount);
      const undeterminedFlag = new Float64Array(design.sampleCount);
      form.samples.active.cases.forEach((c, i) => {
        if (c.undetermined && a.sample.inDomain[i] === 1) {
          undeterminedPaid[i] = a.sample.paid[i] as number;
          undeterminedFlag[i] = 1;
        }
      });
      const jBlock = cellRows(out, { title: `${form.program}, line J: undetermined cases (y = dollars paid of U cases; x = 1 for a U case)`, design, y: undeterminedPaid, x: undeterminedFlag, sample: form.samples.active, dollars: true, ratio: false }, null, null);
      const jc = (c: string, b: BlockRows) => `${c}${b.first}:${c}${b.last}`;
      const dollarsRow = out.push(label('Projected undetermined dollars Σ w·Σy'), blankCell(), blankCell(), formulaCell(`SUM(${jc('N', jBlock)})`, a.undetermined.dollars.total, { numberFormat: MONEY_FORMAT }));
      out.push(label('SE of the projected undetermined dollars'), blankCell(), blankCell(), formulaCell(`SQRT(SUM(${jc('Q', jBlock)}))`, a.undetermined.dollars.standardError, { numberFormat: MONEY_FORMAT }));
      const uRow = out.push(label('Undetermined cases in the sample (Σx)'), blankCell(), blankCell(), formulaCell(`SUM(${jc('H', jBlock)})`, a.undetermined.undeterminedCases, { numberFormat: COUNT_FORMAT }));
      const reviewedRow = out.push(label('Reviewed active cases (Σx of line H)'), blankCell(), blankCell(), formulaCell(`SUM(${jc('H', hRows)})`, a.undetermined.reviewedCases, { numberFormat: COUNT_FORMAT }));
      const pctRow = out.push(label('Percentage of the sample undetermined'), blankCell(), blankCell(), formulaCell(`D${uRow}/D${reviewedRow}`, a.undetermined.percentage, { numberFormat: DECIMAL_FORMAT }), formulaCell(`D${uRow}/D${reviewedRow}`, a.undetermined.percentage, { numberFormat: PERCENT_1DP_FORMAT }));
      detail.J = { dollars: ref(4, dollarsRow), percentage: ref(4, pctRow) };
    }
    const ng = form.negative;
    if (ng !== null) {
      out.push();
      const design = ng.sample.design;
      const errors = new Float64Array(design.sampleCount);
      form.samples.negative.cases.forEach((c, i) => {
        if (c.caseError && ng.sample.inDomain[i] === 1) errors[i] = 1;
      });
      const i = ng.caseErrorRate;
      const xHat = weightedTotal(design, ng.sample.inDomain);
      out.push(textCell(negativeDesignText(form), { italic: true }));
      const iBlock = cellRows(out, { title: `${form.program}, line I: negative case error rate (y = 1 for ID or IT; x = 1 for every reviewed negative case)`, design, y: errors, x: ng.sample.inDomain, sample: form.samples.negative, dollars: false }, i.rate, xHat);
      detail.I = rateSummaryRows(out, iBlock, { rate: i.rate, xHat, yHat: weightedTotal(design, errors), se: i.standardError, quantile: i.interval.quantile, precision: i.interval.precision, degreesOfFreedom: i.interval.degreesOfFreedom }, quantileKind, PERCENT_1DP_FORMAT);
      // Denials and terminations as domains of the same cells: y and x times the domain indicator (Lohr 2019, sec. 4.3).
      for (const [domain, d] of ng.byDomain) {
        const inDomain = new Float64Array(design.sampleCount);
        const domainErrors = new Float64Array(design.sampleCount);
        form.samples.negative.cases.forEach((c, k) => {
          if (c.domain !== domain) return;
          inDomain[k] = ng.sample.inDomain[k] as number;
          domainErrors[k] = errors[k] as number;
        });
        const dx = weightedTotal(design, inDomain);
        out.push();
        const what = form.samples.negativeDesign === 'stratified' ? 'its own strata' : 'a domain of the monthly cells';
        const dBlock = cellRows(out, { title: `${form.program}, line I, ${domain} (${what}; y = 1 for ${domain === 'Denials' ? 'ID' : 'IT'}; x = 1 for every reviewed case of ${domain.toLowerCase()}, 0 for the other cases of the cell)`, design, y: domainErrors, x: inDomain, sample: form.samples.negative, dollars: false }, d.rate, dx);
        rateSummaryRows(out, dBlock, { rate: d.rate, xHat: dx, yHat: weightedTotal(design, domainErrors), se: d.standardError, quantile: d.interval.quantile, precision: d.interval.precision, degreesOfFreedom: d.interval.degreesOfFreedom }, quantileKind, PERCENT_1DP_FORMAT);
      }
    }
    refs.set(form.program, detail);
  }
  // The choices the instructions leave open, then the notes, below the tables (not in the frozen rows).
  out.push();
  for (const row of choicesRows(forms)) out.push(...row);
  // Notes below the tables, in a merged row as wide as the tables (not in a narrow frozen cell).
  out.push();
  const noteRow = out.push(textCell(ESTIMATOR_NOTE, { wrap: true }));
  const columnWidths = COLUMNS.map((c) => c.width);
  return {
    sheet: {
      name: ESTIMATOR_DETAIL_SHEET,
      rows: out.rows,
      columnWidths,
      freezeRows: headingRow,
      merges: [`A${noteRow}:${columnLetter(HEADERS.length)}${noteRow}`],
      rowHeights: { [headingRow]: 30, [noteRow]: noteHeightPoints(ESTIMATOR_NOTE, columnWidths) },
      landscape: true,
      fitToWidth: true,
      printTitleRows: { from: headingRow, to: headingRow },
    },
    refs,
  };
}
