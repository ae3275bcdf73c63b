import type { Resource } from 'i18next';

type Tree = { [key: string]: string | Tree };

// One file per feature and language (locales/<lang>/<feature>.json), merged into one namespace, so
// features add strings without touching each other's files.
const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

function merge(into: Tree, from: Tree, path: string): void {
  for (const [k, v] of Object.entries(from)) {
    const existing = into[k];
    if (typeof v === 'object' && typeof existing === 'object') merge(existing, v, `${path}.${k}`);
    else if (existing !== undefined) throw new Error(`Duplicate translation key ${path}.${k}`);
    else into[k] = typeof v === 'object' ? structuredClone(v) : v;
  }
}

export function loadResources(): Resource {
  const byLang: Record<string, Tree> = {};
  for (const [file, tree] of Object.entries(files)) {
    const lang = /locales\/(\w+)\//.exec(file)![1];
    merge((byLang[lang] ??= {}), tree, lang);
  }
  return Object.fromEntries(Object.entries(byLang).map(([lang, translation]) => [lang, { translation }]));
}
