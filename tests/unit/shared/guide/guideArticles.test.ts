import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  GUIDE_ARTICLES,
  GUIDE_SOURCE_ID,
  GUIDE_SOURCE_TITLE,
  type GuideArticle,
} from '../../../../shared/guide/guideArticles';
import { escapeGuideHtml, guideParagraphsToHtml } from '../../../../shared/guide/guideToHtml';

type Lang = 'vi' | 'en';
const LANGS: Lang[] = ['vi', 'en'];

/** Every piece of text of an article in one language, labelled for error messages. */
function textFields(article: GuideArticle, lang: Lang): Array<[string, string]> {
  return [
    ['category', article.category[lang]],
    ['title', article.title[lang]],
    ['lead', article.lead[lang]],
    ['author', article.author[lang]],
    ...article.paragraphs[lang].map((p, i): [string, string] => [`paragraphs[${i}]`, p]),
  ];
}

/** Lowercase letters that only Vietnamese (among vi/en) uses: tone marks, ă â ê ô ơ ư, đ. */
const VI_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/;

function bodyWords(article: GuideArticle, lang: Lang): string[] {
  const text = [article.lead[lang], ...article.paragraphs[lang].map((p) => p.replace(/^## /, ''))].join(' ');
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
}

describe('GUIDE_ARTICLES', () => {
  it('has between 8 and 15 articles', () => {
    expect(GUIDE_ARTICLES.length).toBeGreaterThanOrEqual(8);
    expect(GUIDE_ARTICLES.length).toBeLessThanOrEqual(15);
  });

  it('exports the guide source id and title', () => {
    expect(GUIDE_SOURCE_ID).toBe('guide');
    expect(GUIDE_SOURCE_TITLE.vi).toBe('Hướng dẫn');
    expect(GUIDE_SOURCE_TITLE.en).toBe('Guide');
  });

  it('has unique, URL-safe slugs', () => {
    const slugs = GUIDE_ARTICLES.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has unique titles in each language', () => {
    for (const lang of LANGS) {
      const titles = GUIDE_ARTICLES.map((a) => a.title[lang]);
      expect(new Set(titles).size, lang).toBe(titles.length);
    }
  });

  it('has every language field non-empty in both vi and en', () => {
    for (const article of GUIDE_ARTICLES) {
      for (const lang of LANGS) {
        expect(article.paragraphs[lang].length, `${article.slug}.${lang}`).toBeGreaterThan(0);
        for (const [field, text] of textFields(article, lang)) {
          expect(typeof text, `${article.slug}.${field}.${lang}`).toBe('string');
          expect(text.trim(), `${article.slug}.${field}.${lang}`).not.toBe('');
          expect(text, `${article.slug}.${field}.${lang} has stray whitespace`).toBe(text.trim());
          if (text.startsWith('## ')) expect(text.slice(3).trim(), `${article.slug}.${field}.${lang}`).not.toBe('');
        }
      }
    }
  });

  it('has the same paragraph and heading structure in vi and en', () => {
    for (const article of GUIDE_ARTICLES) {
      const shape = (lang: Lang) => article.paragraphs[lang].map((p) => (p.startsWith('## ') ? 'h' : 'p')).join('');
      expect(shape('vi'), article.slug).toBe(shape('en'));
    }
  });

  it('keeps paragraphs plain text (no HTML, no line breaks)', () => {
    for (const article of GUIDE_ARTICLES) {
      for (const lang of LANGS) {
        for (const [field, text] of textFields(article, lang)) {
          expect(text, `${article.slug}.${field}.${lang}`).not.toMatch(/[<>\n\r\t]/);
        }
      }
    }
  });

  it('has Vietnamese text in NFC', () => {
    for (const article of GUIDE_ARTICLES) {
      for (const [field, text] of textFields(article, 'vi')) {
        expect(text === text.normalize('NFC'), `${article.slug}.${field}.vi is not NFC`).toBe(true);
      }
    }
    expect(GUIDE_SOURCE_TITLE.vi).toBe(GUIDE_SOURCE_TITLE.vi.normalize('NFC'));
  });

  it('has Vietnamese text that actually uses Vietnamese diacritics', () => {
    for (const article of GUIDE_ARTICLES) {
      for (const [field, text] of textFields(article, 'vi')) {
        expect(VI_DIACRITIC.test(text.toLowerCase()), `${article.slug}.${field}.vi: ${text}`).toBe(true);
      }
      // Real Vietnamese prose: most syllables carry a diacritic (~80–90% in these articles).
      const words = bodyWords(article, 'vi');
      const marked = words.filter((w) => VI_DIACRITIC.test(w.toLowerCase())).length;
      expect(marked / words.length, `${article.slug}: share of syllables with diacritics`).toBeGreaterThan(0.6);
    }
  });

  it('keeps English text free of combining marks (it is NFC too)', () => {
    for (const article of GUIDE_ARTICLES) {
      for (const [field, text] of textFields(article, 'en')) {
        expect(text, `${article.slug}.${field}.en`).toBe(text.normalize('NFC'));
      }
    }
  });

  it('keeps articles short: 150–300 English words, comparable Vietnamese length', () => {
    for (const article of GUIDE_ARTICLES) {
      const en = bodyWords(article, 'en').length;
      const vi = bodyWords(article, 'vi').length;
      expect(en, `${article.slug} en words`).toBeGreaterThanOrEqual(150);
      expect(en, `${article.slug} en words`).toBeLessThanOrEqual(300);
      // Vietnamese words are written as separate syllables, so they count higher than English.
      expect(vi / en, `${article.slug} vi/en length ratio`).toBeGreaterThan(0.9);
      expect(vi / en, `${article.slug} vi/en length ratio`).toBeLessThan(2);
    }
  });

  it('has fixed ISO publication dates in 2026, newest first', () => {
    const times = GUIDE_ARTICLES.map((a) => {
      expect(a.publishedAt, a.slug).toMatch(/^2026-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/);
      const t = Date.parse(a.publishedAt);
      expect(Number.isNaN(t), a.slug).toBe(false);
      expect(new Date(t).toISOString(), a.slug).toBe(a.publishedAt);
      return t;
    });
    for (let i = 1; i < times.length; i++) expect(times[i], GUIDE_ARTICLES[i].slug).toBeLessThan(times[i - 1]);
    expect(GUIDE_ARTICLES[0].slug).toBe('welcome');
  });

  it('documents the shortcuts and search behaviour the app promises', () => {
    const bySlug = new Map(GUIDE_ARTICLES.map((a) => [a.slug, a]));
    const all = (slug: string, lang: Lang) => {
      const a = bySlug.get(slug);
      expect(a, slug).toBeDefined();
      return [a!.lead[lang], ...a!.paragraphs[lang]].join('\n');
    };
    for (const lang of LANGS) {
      const keys = all('keyboard-shortcuts', lang);
      // Each shortcut line starts with its key(s): "j or …:", "/ hoặc Ctrl+K:", "Ctrl+F:".
      const lines = keys.split('\n');
      for (const k of ['j', 'k', 'Enter', 'Esc', 'b', 'o', '/', 'Ctrl+K', 'Ctrl+F']) {
        const documented = lines.some((line) => {
          const head = line.split(':')[0];
          return head.split(/\s+/).includes(k);
        });
        expect(documented, `${lang} shortcut ${k}`).toBe(true);
      }
      const search = all('vietnamese-search', lang);
      expect(search).toContain('dan van');
      expect(search).toContain('dân vận');
      expect(search).toContain('"chuyển đổi số"');
      expect(search).toMatch(/Telex/);
      expect(search).toMatch(/VNI/);
      const reading = all('reading', lang);
      expect(reading).toMatch(/Sepia/);
    }
  });

  it('is pure data: the modules import nothing', () => {
    for (const file of ['guideArticles.ts', 'guideToHtml.ts']) {
      const source = readFileSync(
        fileURLToPath(new URL(`../../../../shared/guide/${file}`, import.meta.url)),
        'utf8',
      );
      expect(source, file).not.toMatch(/^\s*import\s/m);
      expect(source, file).not.toMatch(/\brequire\s*\(/);
    }
  });
});

describe('guideParagraphsToHtml', () => {
  it('wraps paragraphs in <p> and "## " headings in <h3>', () => {
    expect(guideParagraphsToHtml(['## Bắt đầu', 'Đoạn một.', 'Đoạn hai.'])).toBe(
      '<h3>Bắt đầu</h3>\n<p>Đoạn một.</p>\n<p>Đoạn hai.</p>',
    );
  });

  it('escapes &, <, >, " and \'', () => {
    expect(escapeGuideHtml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
    expect(guideParagraphsToHtml([`<script>alert("x")</script> & 'y'`])).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
    expect(guideParagraphsToHtml(['## <b>Tom & "Jerry"</b>'])).toBe(
      '<h3>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</h3>',
    );
  });

  it('does not double-escape existing entities', () => {
    expect(guideParagraphsToHtml(['&amp; &lt;'])).toBe('<p>&amp;amp; &amp;lt;</p>');
  });

  it('skips blank paragraphs and empty headings, and treats "##" without a space as text', () => {
    expect(guideParagraphsToHtml(['', '   ', '## ', 'x'])).toBe('<p>x</p>');
    expect(guideParagraphsToHtml(['##not a heading'])).toBe('<p>##not a heading</p>');
    expect(guideParagraphsToHtml([])).toBe('');
  });

  it('renders every guide article without leaking raw markup', () => {
    for (const article of GUIDE_ARTICLES) {
      for (const lang of LANGS) {
        const html = guideParagraphsToHtml(article.paragraphs[lang]);
        const stripped = html.replace(/<\/?(?:p|h3)>/g, '');
        expect(stripped, `${article.slug}.${lang}`).not.toMatch(/[<>]/);
        const blocks = html.match(/<(?:p|h3)>/g) ?? [];
        expect(blocks.length, `${article.slug}.${lang}`).toBe(article.paragraphs[lang].length);
      }
    }
  });
});
