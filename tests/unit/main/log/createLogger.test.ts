import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../main/log/createLogger';

describe('createLogger', () => {
  it('writes lines and rotates by size, keeping a bounded number of files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-log-'));
    const logger = createLogger({ dir, maxBytes: 2000, keep: 2 });
    for (let i = 0; i < 200; i++) logger.info(`line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(2000);
    expect(fs.readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 199');
    expect(fs.readFileSync(path.join(dir, 'main.log'), 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT.+ INFO {2}line/m);
  });

  it('keeps multi-line messages on one line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-log-'));
    const logger = createLogger({ dir });
    logger.warn('a\nb');
    expect(fs.readFileSync(logger.file, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
