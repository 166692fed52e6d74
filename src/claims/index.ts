// Claim-level universe files (CSV, CSV.gz, Parquet) through embedded DuckDB: CLI only, never in the add-in bundle.
export { claimFiles, ClaimFileError, formatOfName, type ClaimFile, type ClaimFileFormat } from './claim-file.js';
export { CHECK_CODES, KEPT_CHECKS, printedSql, type CheckCode } from './claims-sql.js';
export { totalClaimFiles, type CheckExample, type ClaimCheck, type ClaimFileSummary, type ClaimTotal, type ClaimTotalsRun, type TotalClaimsOptions } from './total-claims.js';
export { mapClaimFiles } from './claims-view.js';
export { openDuckDb } from './duckdb-session.js';
