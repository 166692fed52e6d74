/**
 * Excel date serials to UTC Dates, in both date systems (ECMA-376 part 1, 18.17.4.1): in the 1900
 * system serial 25569 is 1970-01-01; in the 1904 system (`<workbookPr date1904="1"/>`, old Mac
 * workbooks) serial 0 is 1904-01-01, 1462 days later. Same rule as exceljs's excelToDate.
 */
const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL_1900 = 25_569;
const DAYS_1900_TO_1904 = 1_462;

/** The Date of `serial`, or undefined when it is outside the range a Date can hold. */
export function excelSerialToUtc(serial: number, date1904: boolean): Date | undefined {
  const ms = Math.round((serial - UNIX_EPOCH_SERIAL_1900 + (date1904 ? DAYS_1900_TO_1904 : 0)) * DAY_MS);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
