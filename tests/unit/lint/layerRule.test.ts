import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer rule', () => {
  it('rejects Node, Electron, main and renderer imports in shared/', async () => {
    for (const code of [
      "import fs from 'node:fs'; export const x = fs;",
      "import { app } from 'electron'; export const x = app;",
      "import { createLogger } from '../main/log/createLogger'; export const x = createLogger;",
      "import { db } from '../../renderer/data/db'; export const x = db;",
    ]) {
      expect(await ruleIds('shared/model/probe.ts', code)).toContain('no-restricted-imports');
    }
    expect(await ruleIds('shared/model/probe.ts', 'export const w = window.innerWidth;')).toContain('no-restricted-globals');
  });

  it('rejects Node, Electron and main imports in renderer/', async () => {
    for (const code of [
      "import path from 'path'; export const x = path;",
      "import { ipcRenderer } from 'electron'; export const x = ipcRenderer;",
      "import { dispatchCall } from '../../main/api/dispatchCall'; export const x = dispatchCall;",
    ]) {
      expect(await ruleIds('renderer/hooks/probe.ts', code)).toContain('no-restricted-imports');
    }
  });

  it('keeps components away from the database', async () => {
    const code = "import { db } from '../../data/db'; export const x = db;";
    expect(await ruleIds('renderer/features/list/Probe.tsx', code)).toContain('no-restricted-imports');
    expect(await ruleIds('renderer/hooks/probe.ts', "import { db } from '../data/db'; export const x = db;")).toEqual([]);
  });

  it('rejects renderer imports in main/', async () => {
    const code = "import { db } from '../../renderer/data/db'; export const x = db;";
    expect(await ruleIds('main/sync/probe.ts', code)).toContain('no-restricted-imports');
  });

  it('allows the imports each layer is meant to use', async () => {
    expect(await ruleIds('main/sync/probe.ts', "import fs from 'node:fs'; import type { Article } from '../../shared/model/article'; export const x: Article | typeof fs | null = null;")).toEqual([]);
    expect(await ruleIds('shared/model/probe.ts', "import { z } from 'zod'; export const x = z.string();")).toEqual([]);
  });

  it('rejects literal text in JSX', async () => {
    const code = 'export function Probe() { return <p>Xin chào</p>; }';
    expect(await ruleIds('renderer/features/list/Probe.tsx', code)).toContain('i18next/no-literal-string');
  });
});
