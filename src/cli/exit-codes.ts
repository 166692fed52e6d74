/** Exit statuses of the command line (shared spec `cli.md`). */
export const EXIT_OK = 0;
/** Anything else: a fault of the tool, not of the input. */
export const EXIT_FAILURE = 1;
/** The input is unusable; standard error names the file, sheet and cell and what to do. */
export const EXIT_UNUSABLE_INPUT = 2;

/** An input problem that stops the run: reported on standard error, exit status 2. */
export class UnusableInputError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join('\n'));
    this.name = 'UnusableInputError';
  }
}
