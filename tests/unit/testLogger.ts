import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { createLogger, type Logger } from '../../main/log/createLogger';

/** A real logger writing into a fresh temp folder. */
export function tempLogger(): Logger & { dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-log-'));
  return Object.assign(createLogger({ dir }), { dir });
}
