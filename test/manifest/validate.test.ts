// `npm run validate`: offline report, and the online step's verdicts, with the service faked (tests
// never call the network).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOnlineResult, main, ROOT, validateOnline, type ValidateWithService } from '../../src/manifest/validate.js';

const MANIFEST = join(ROOT, 'manifest.xml');
const unreachable = 'Unable to contact the manifest validation service.\nFetchError: request to https://validationgateway.omex.office.net/package/api/check?clientId=devx failed, reason: getaddrinfo ENOTFOUND validationgateway.omex.office.net';

const service = (answer: Awaited<ReturnType<ValidateWithService>> | Error): ValidateWithService => async () => {
  if (answer instanceof Error) throw answer;
  return answer;
};

describe('online validation', () => {
  it('is skipped when the service cannot be reached, with the reason', async () => {
    const result = await validateOnline(MANIFEST, service(new Error(unreachable)));
    expect(result).toEqual({ status: 'skipped', reason: expect.stringContaining('getaddrinfo ENOTFOUND validationgateway.omex.office.net') });
    expect(formatOnlineResult(result)[0]).toBe('online validation skipped: the validation service cannot be reached');
  });

  it('is skipped when the service fails (HTTP 5xx) or does not answer in time', async () => {
    expect(await validateOnline(MANIFEST, service({ isValid: false, status: 502, statusText: 'Bad Gateway' }))).toEqual({
      status: 'skipped',
      reason: 'the service answered HTTP 502 Bad Gateway',
    });
    const never: ValidateWithService = () => new Promise(() => undefined);
    expect(await validateOnline(MANIFEST, never, 20)).toEqual({ status: 'skipped', reason: 'no answer within 0.02 s' });
  });

  it('passes when the service accepts the manifest', async () => {
    expect(await validateOnline(MANIFEST, service({ isValid: true, status: 200 }))).toEqual({ status: 'valid', notes: [] });
  });

  it('fails with the service’s errors when it rejects the manifest', async () => {
    const result = await validateOnline(
      MANIFEST,
      service({ isValid: false, status: 200, report: { errors: [{ title: 'Error', content: 'The icon URL is unreachable.' }] } }),
    );
    expect(result).toEqual({ status: 'invalid', details: ['Error: The icon URL is unreachable.'] });
    expect(formatOnlineResult(result)).toEqual([
      'online validation FAILED: the validation service reports the manifest invalid:',
      '  - Error: The icon URL is unreachable.',
    ]);
    expect(await validateOnline(MANIFEST, service({ isValid: false, status: 400, statusText: 'Bad Request' }))).toEqual({
      status: 'invalid',
      details: ['the service answered HTTP 400 Bad Request'],
    });
    expect(await validateOnline(MANIFEST, service(new Error('ENOENT: no such file')))).toEqual({ status: 'invalid', details: ['ENOENT: no such file'] });
  });
});

describe('npm run validate --offline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'perm-manifest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every check and exits 0 for the committed manifest', async () => {
    const lines: string[] = [];
    expect(await main(['--offline'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('Offline checks of manifest.xml:');
    expect(lines.filter((l) => l.startsWith('  ok   '))).toHaveLength(15);
    expect(lines).toContain('Offline checks passed (15 of 15).');
    expect(lines.at(-1)).toBe('online validation not attempted (--offline).');
  });

  it('exits 1 and names the failing check and why for a broken manifest', async () => {
    const broken = join(dir, 'manifest.xml');
    writeFileSync(broken, readFileSync(MANIFEST, 'utf8').replace('<Permissions>ReadWriteDocument', '<Permissions>ReadWriteMailbox'));
    const lines: string[] = [];
    expect(await main([broken, '--offline'], (l) => lines.push(l))).toBe(1);
    expect(lines).toContain('  FAIL permissions no wider than ReadWriteDocument');
    expect(lines.join('\n')).toMatch(/- Permissions "ReadWriteMailbox" is not a task pane permission/);
    expect(lines.at(-1)).toBe('Offline checks failed: 1 of 15.');
  });
});
