import fs from 'node:fs';
import path from 'node:path';
import type { LogLevel } from '../../shared/api/archiveApi';

export interface Logger {
  readonly file: string;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  log(level: LogLevel, message: string): void;
}

export interface LoggerOptions {
  dir: string;
  /** Also print to the console (the `--verbose` flag). */
  verbose?: boolean;
  maxBytes?: number;
  keep?: number;
  name?: string;
}

/**
 * A size-rotated log file: `main.log`, then `main.1.log` … `main.<keep>.log`. Synchronous appends keep
 * lines from a crash on disk; the volume (a few lines per sync batch) makes that cheap.
 */
export function createLogger({ dir, verbose = false, maxBytes = 1_000_000, keep = 3, name = 'main' }: LoggerOptions): Logger {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.log`);
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;

  const rotate = () => {
    for (let i = keep - 1; i >= 1; i--) {
      const from = path.join(dir, `${name}.${i}.log`);
      if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, `${name}.${i + 1}.log`));
    }
    fs.renameSync(file, path.join(dir, `${name}.1.log`));
    size = 0;
  };

  const log = (level: LogLevel, message: string) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message.replace(/\r?\n/g, '\\n')}\n`;
    try {
      if (size + line.length > maxBytes && size > 0) rotate();
      fs.appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full or read-only disk must not take the app down with it; the console still gets the line.
    }
    if (verbose || level === 'error') {
      (level === 'error' ? console.error : console.log)(line.trimEnd());
    }
  };

  return {
    file,
    log,
    debug: (m) => log('debug', m),
    info: (m) => log('info', m),
    warn: (m) => log('warn', m),
    error: (m) => log('error', m),
  };
}
