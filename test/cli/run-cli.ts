/** Runs the command line in-process with captured standard output and error. */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

export async function runCli(args: readonly string[], now = new Date('2026-11-23T12:00:00Z')): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr }, now);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
