/** Excel date serials (1900 date system): serial 1 = 1900-01-01; day 0 of the count is 1899-12-30. */

const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Serials this project reads as dates: 1990-01-01 (32874) to 2099-12-31 (73050). Outside, a number is not a date. */
export const MIN_DATE_SERIAL = 32_874;
export const MAX_DATE_SERIAL = 73_050;

/** Serial → UTC Date (valid for serials from 61, that is 1900-03-01, on). */
export function excelSerialToDate(serial: number): Date {
  return new Date(EPOCH_MS + Math.round(serial * DAY_MS));
}

/** UTC Date → serial (with the fraction of the day). */
export function dateToExcelSerial(date: Date): number {
  return (date.getTime() - EPOCH_MS) / DAY_MS;
}

/** True when a number is a plausible date serial for PERM data (1990 to 2099). */
export function isPlausibleDateSerial(n: number): boolean {
  return Number.isFinite(n) && n >= MIN_DATE_SERIAL && n < MAX_DATE_SERIAL + 1;
}
