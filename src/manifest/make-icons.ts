/**
 * Writes assets/icons/icon-<size>.png for every size in ICON_SIZES.
 * Run with `npm run icons` after changing icon-art.ts, and commit the PNGs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawIcon, ICON_SIZES, iconFileName } from './icon-art.js';
import { encodePng } from './png.js';

export const ICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'icons');

export function writeIcons(dir: string = ICON_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(dir, iconFileName(size));
    writeFileSync(file, encodePng(drawIcon(size)));
    return file;
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of writeIcons()) console.log(`wrote ${file}`);
}
