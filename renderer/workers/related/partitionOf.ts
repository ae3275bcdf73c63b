/**
 * Which index an article belongs to. The built-in guide exists once per UI language and a Vietnamese
 * guide page must never be offered as "similar" to its English twin (or vice versa), so each guide
 * language is its own index; portal articles (Vietnamese) share one.
 */
export function partitionOf(articleId: string): string {
  const guide = /^guide:([a-z]{2}):/.exec(articleId);
  return guide ? `guide-${guide[1]}` : 'portal';
}
