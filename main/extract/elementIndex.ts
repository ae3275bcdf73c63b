// jsdom 27's CSS selector engine costs 0.2–6 ms per querySelector on a full page, and its live
// collections re-validate on every index; a page needs dozens of lookups. Walking the tree once
// and filtering plain arrays is an order of magnitude cheaper, so this module stands in for
// querySelector in the extractor.

/** Every element under `root` (excluding root), in document order. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  // Iterative: article pages can nest deeper than a comfortable recursion.
  const stack: Element[] = [];
  for (let c = root.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length) {
    const el = stack.pop() as Element;
    out.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

export function classesOf(el: Element): string[] {
  const cls = el.getAttribute('class');
  return cls ? cls.trim().split(/\s+/) : [];
}

export function hasClass(el: Element, names: ReadonlySet<string>): boolean {
  const cls = el.getAttribute('class');
  if (!cls) return false;
  for (const c of cls.trim().split(/\s+/)) if (names.has(c)) return true;
  return false;
}

export function byTag(elements: readonly Element[], ...tags: string[]): Element[] {
  const set = new Set(tags);
  return elements.filter((el) => set.has(el.localName));
}

/** Nearest inclusive ancestor matching `test`, like Element.closest with a predicate. */
export function closestWhere(el: Element | null, test: (el: Element) => boolean): Element | null {
  for (let cur = el; cur; cur = cur.parentElement) if (test(cur)) return cur;
  return null;
}

/** Whether `el` has a descendant with one of `tags` (cheap: no selector engine). */
export function hasDescendant(el: Element, ...tags: string[]): boolean {
  return tags.some((t) => el.getElementsByTagName(t).length > 0);
}
