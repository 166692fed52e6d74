/**
 * Imported first by index.tsx, before any module that builds a zod schema: zod compiles fast
 * parsers with `new Function` (probing for it when a schema is built) unless told not to, and the
 * pages' Content-Security-Policy forbids eval; even the caught probe is reported as a violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
