import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Tree = { [k: string]: string | Tree };
const LOCALES = path.resolve('renderer/i18n/locales');

function keys(obj: Tree, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The same merge the app does: every feature file of a language into one tree. */
function load(lang: string): Tree {
  const out: Tree = {};
  const merge = (into: Tree, from: Tree) => {
    for (const [k, v] of Object.entries(from)) {
      if (typeof v === 'object' && typeof into[k] === 'object') merge(into[k] as Tree, v);
      else {
        expect(into[k], `duplicate key ${k} in ${lang}`).toBeUndefined();
        into[k] = v;
      }
    }
  };
  for (const f of fs.readdirSync(path.join(LOCALES, lang))) merge(out, JSON.parse(fs.readFileSync(path.join(LOCALES, lang, f), 'utf8')));
  return out;
}

function lookup(obj: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Tree)[k] : undefined), obj);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(tsx?)$/.test(e.name) ? [p] : [];
  });
}

const vi = load('vi');
const en = load('en');

describe('translations', () => {
  it('every feature has a file in both languages', () => {
    expect(fs.readdirSync(path.join(LOCALES, 'vi')).sort()).toEqual(fs.readdirSync(path.join(LOCALES, 'en')).sort());
  });

  it('vi and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('no translation is empty', () => {
    for (const [name, res] of [['vi', vi], ['en', en]] as const) {
      for (const k of keys(res)) expect(String(lookup(res, k)).trim(), `${name}:${k}`).not.toBe('');
    }
  });

  it('every literal key used in the renderer exists in both languages', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('renderer'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/(?:titleKey|bodyKey|labelKey)="([\w.-]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    // A key used with a count may exist only in its plural forms (key_other, key_one…).
    const has = (tree: Tree, key: string) => typeof lookup(tree, key) === 'string' || typeof lookup(tree, `${key}_other`) === 'string';
    for (const key of used) {
      expect(has(vi, key), `vi missing ${key}`).toBe(true);
      expect(has(en, key), `en missing ${key}`).toBe(true);
    }
  });

  it('Vietnamese text is NFC', () => {
    for (const k of keys(vi)) {
      const s = String(lookup(vi, k));
      expect(s, k).toBe(s.normalize('NFC'));
    }
  });
});
