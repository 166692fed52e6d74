// Notes kept over three re-runs, the copy re-saved by LibreOffice Calc between runs (notes-chain.ts).
import { byLibreOffice, chain } from './notes-chain.js';

chain('LibreOffice', byLibreOffice);
