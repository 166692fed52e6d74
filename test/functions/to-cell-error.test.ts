import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimatorError, estimatorWarning } from '../../src/core/estimator/index.js';
import { divisionByZero, fromEstimatorIssues, invalidArgument, notAvailable } from '../../src/functions/to-cell-error.js';
import { installCustomFunctionsStub, StubCellError, type CustomFunctionsStub } from './custom-functions-stub.js';

let stub: CustomFunctionsStub;
beforeAll(() => {
  stub = installCustomFunctionsStub();
});
afterAll(() => stub.uninstall());

describe('to-cell-error', () => {
  it('makes #VALUE! for bad input, #N/A for results that cannot exist, #DIV/0! without a message', () => {
    expect(invalidArgument('report', 'blank')).toEqual(new StubCellError('#VALUE!', 'report: blank'));
    expect(notAvailable('why')).toEqual(new StubCellError('#N/A', 'why'));
    expect(divisionByZero()).toEqual(new StubCellError('#DIV/0!', undefined));
  });

  it('quotes the first three estimator errors, counts the rest and leaves warnings out', () => {
    const issues = [
      estimatorWarning('negative_error_dollars', 'w'),
      ...['one', 'two', 'three', 'four', 'five'].map((m) => estimatorError('invalid_count', m)),
    ];
    const error = fromEstimatorIssues(issues) as unknown as StubCellError;
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('one; two; three; and 2 more.');
    expect((fromEstimatorIssues([estimatorError('invalid_option', 'only')]) as unknown as StubCellError).message).toBe('only');
  });
});
