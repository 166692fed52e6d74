/**
 * A stand-in for the CustomFunctions global office.js defines in Excel: the Error class and the
 * ErrorCode values (the strings Excel shows), and a recording associate.
 */
export class StubCellError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const errorCodes = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export interface CustomFunctionsStub {
  readonly associated: Map<string, unknown>;
  readonly uninstall: () => void;
}

export function installCustomFunctionsStub(): CustomFunctionsStub {
  const associated = new Map<string, unknown>();
  const g = globalThis as { CustomFunctions?: unknown };
  const before = g.CustomFunctions;
  g.CustomFunctions = {
    Error: StubCellError,
    ErrorCode: errorCodes,
    associate: (id: string, fn: unknown) => associated.set(id, fn),
  };
  return {
    associated,
    uninstall: () => {
      if (before === undefined) delete g.CustomFunctions;
      else g.CustomFunctions = before;
    },
  };
}

/** The error a call throws, for assertions on its code and message. */
export function thrown(call: () => unknown): StubCellError {
  try {
    call();
  } catch (error) {
    if (error instanceof StubCellError) return error;
    throw error;
  }
  throw new Error('expected the call to throw a CustomFunctions.Error');
}
