/**
 * Runs one measured job in a fresh Node process so that its peak memory (maxRSS) is its own: the
 * parent passes a job name and a JSON payload, the child prints one JSON line with its result.
 *
 *   node --import tsx bench/child.ts <job> '<json>'
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TChildResult {
  /** Time of the measured part, ms. */
  ms: number;
  /** Peak resident set size of the whole child process, MB. */
  peakRssMb: number;
  /** Resident set size when the measured part started, MB. */
  startRssMb: number;
  [k: string]: unknown;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Spawns the child, returns its result line (rejects with its stderr on a non-zero exit). */
export function runChild(job: string, payload: unknown): Promise<TChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'childMain.ts'), job, JSON.stringify(payload)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`bench child ${job} exited ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(line) as TChildResult);
    });
  });
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** maxRSS of this process so far, MB (`process.resourceUsage().maxRSS` is in KB). */
export const peakRssMb = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
