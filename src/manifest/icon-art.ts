/**
 * The PERM Recon icon, drawn from code so every size is reproducible: a Fluent brand-blue rounded
 * square, three white rows (a report's lines) and a white check mark (reconciled). Each pixel is the
 * average of 8 × 8 samples, which anti-aliases the edges.
 */
import type { RgbaImage } from './png.js';

/** The sizes the manifest names (16, 32, 80 ribbon; 32 IconUrl; 64 HighResolutionIconUrl) and 128 for a store listing. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];

const BRAND: Rgba = [0x0f, 0x6c, 0xbd, 255]; // Fluent UI webLightTheme colorBrandBackground
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const SAMPLES = 8;

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The colour at a point of the unit square (x right, y down). */
function colourAt(x: number, y: number): Rgba {
  if (!insideRoundedSquare(x, y, 0.2)) return CLEAR;
  for (const row of [0.28, 0.5, 0.72]) {
    if (x >= 0.17 && x <= 0.53 && Math.abs(y - row) <= 0.055) return WHITE;
  }
  const check = Math.min(distanceToSegment(x, y, 0.6, 0.55, 0.69, 0.66), distanceToSegment(x, y, 0.69, 0.66, 0.85, 0.34));
  if (check <= 0.055) return WHITE;
  return BRAND;
}

/** The icon at `size` × `size` pixels. */
export function drawIcon(size: number): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          // Premultiplied accumulation, so transparent samples do not darken the edge.
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = a === 0 ? 0 : Math.round(r / a);
      pixels[i + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[i + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[i + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return { width: size, height: size, pixels };
}

/** The file name of the icon of a size, under assets/icons/. */
export function iconFileName(size: number): string {
  return `icon-${size}.png`;
}
