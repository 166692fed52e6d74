/** Exit statuses of the command line (shared spec `cli.md`). */
export const EXIT_OK = 0;
/** Anything else: a fault of the tool, not of the input. */
export const EXIT_FAILURE = 1;
/** The input is unusable; standard error names the file, sheet and cell and what to do. */
export const EXIT_UNUSABLE_INPUT = 2;

