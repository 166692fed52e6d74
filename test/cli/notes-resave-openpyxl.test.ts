// Notes kept over three re-runs, the copy re-saved by openpyxl between runs (notes-chain.ts).
// Until the .xlsx reader reads openpyxl's re-save of a sheet with a chart (issue 10), this fails
// with "Cannot read properties of undefined (reading 'anchors')" from exceljs.
import { byOpenpyxl, chain } from './notes-chain.js';

chain('openpyxl', byOpenpyxl);
