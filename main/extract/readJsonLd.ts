type Json = Record<string, unknown>;

const ARTICLE_TYPE = /^(?:\w+:\/\/schema\.org\/)?(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|TechArticle|Report)$/;

/** The schema.org article facts the extractor uses. */
export interface ArticleLd {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: string;
  section?: string;
  isArticle: boolean;
}

function isArticle(node: Json): boolean {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPE.test(x));
}

function findArticle(value: unknown, depth = 0): Json | null {
  if (depth > 4 || !value || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = findArticle(v, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  const node = value as Json;
  if (isArticle(node)) return node;
  return findArticle(node['@graph'], depth + 1);
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return text(v[0]);
  return undefined;
}

function personName(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) {
    const names = v.map(personName).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') return text((v as Json).name);
  return undefined;
}

/** Article facts from `<script type="application/ld+json">` among `elements`; malformed blocks are skipped. */
export function readJsonLd(elements: readonly Element[]): ArticleLd | null {
  for (const script of elements) {
    if (script.localName !== 'script' || (script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const node = findArticle(parsed);
    if (!node) continue;
    return {
      headline: text(node.headline) ?? text(node.name),
      datePublished: text(node.datePublished),
      dateModified: text(node.dateModified),
      author: personName(node.author),
      section: text(node.articleSection),
      isArticle: true,
    };
  }
  return null;
}
