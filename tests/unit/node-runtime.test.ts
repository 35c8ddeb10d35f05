/**
 * The Node.js binary the project runs on is checked against a recorded SHA-256 before builds
 * and tests (scripts/verify-node.sh): the `node` package fetches it outside the lockfile.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'wujin-node-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project folder with the real script and record, and a stand-in binary with the given bytes. */
function projectWithBinary(bytes: Buffer): string {
  const dir = mkdtempSync(join(work, 'p-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'node_modules/node/bin'), { recursive: true });
  cpSync('scripts/verify-node.sh', join(dir, 'scripts/verify-node.sh'));
  cpSync('scripts/node-runtime.sha256', join(dir, 'scripts/node-runtime.sha256'));
  cpSync('node_modules/node/package.json', join(dir, 'node_modules/node/package.json'));
  writeFileSync(join(dir, 'node_modules/node/bin/node'), bytes);
  chmodSync(join(dir, 'node_modules/node/bin/node'), 0o755);
  return dir;
}
const verify = (dir: string) => spawnSync('sh', [join(dir, 'scripts/verify-node.sh')], { encoding: 'utf8' });

describe('the Node.js runtime is pinned by content, not only by version', () => {
  it('the installed binary matches the recorded SHA-256', () => {
    const r = spawnSync('sh', ['scripts/verify-node.sh'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync('scripts/node-runtime.sha256', 'utf8')).toMatch(/^node@24\.\d+\.\d+ linux-x64 [0-9a-f]{64}$/mu);
  });

  it('a binary with other bytes stops the build and the tests, and says what to do', () => {
    const r = verify(projectWithBinary(Buffer.from('#!/bin/sh\necho 不是官方的 node\n')));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('与记录的 SHA-256 不符');
    expect(r.stderr).toContain('npm ci');
  });
});
