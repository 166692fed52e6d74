/**
 * An embedded DuckDB database for one run over claim files: in memory, spilling to a temporary
 * folder past `memoryLimit`, with extension autoloading and autoinstalling turned off so nothing is
 * ever downloaded (the CSV reader is core and Parquet is statically linked in @duckdb/node-api).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export interface DuckDbOptions {
  /** DuckDB's memory limit (default 512MB, so a run stays under 1 GiB whatever the row count). */
  readonly memoryLimit?: string;
  readonly threads?: number;
}

export interface DuckDbSession {
  /** Rows as objects of DuckDB values (DECIMAL as DuckDBDecimalValue, BIGINT as bigint). */
  all(sql: string): Promise<Record<string, DuckDBValue>[]>;
  run(sql: string): Promise<void>;
  close(): void;
}

export async function openDuckDb(options: DuckDbOptions = {}): Promise<DuckDbSession> {
  // Loaded on first use, so `reconcile` and `fill` never load DuckDB's native library (nor fail where it cannot load).
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const temp = mkdtempSync(join(tmpdir(), 'perm-recon-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    allow_community_extensions: 'false',
    memory_limit: options.memoryLimit ?? '512MB',
    temp_directory: temp,
    // File order is row order: ROW_NUMBER() OVER () numbers a CSV's rows as they are in the file.
    preserve_insertion_order: 'true',
    ...(options.threads === undefined ? {} : { threads: String(options.threads) }),
  });
  let connection: DuckDBConnection | undefined = await instance.connect();
  const live = (): DuckDBConnection => {
    if (connection === undefined) throw new Error('The DuckDB session is closed.');
    return connection;
  };
  return {
    async all(sql) {
      const reader = await live().runAndReadAll(sql);
      return reader.getRowObjects();
    },
    async run(sql) {
      await live().run(sql);
    },
    close() {
      connection?.closeSync();
      connection = undefined;
      instance.closeSync();
      rmSync(temp, { recursive: true, force: true });
    },
  };
}
