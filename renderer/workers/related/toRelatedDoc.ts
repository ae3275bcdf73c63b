import type { RelatedDoc } from '../../../shared/related';
import type { RelatedInput } from '../../data/relatedSource';

// The similarity core's stop lists are Vietnamese. English guide pages would otherwise pair up on
// "of the" or "you can" and offer those as the shared topic, so English function words are turned into
// run breaks: no term is made of them and no bigram spans the gap they leave.
const ENGLISH_FUNCTION_WORDS = `a an the and or but nor so yet if then than that this these those there here it its it's
  is are was were be been being am do does did done have has had having will would shall should can could may might must
  i me my mine we us our ours you your yours he him his she her hers they them their theirs what which who whom whose
  when where why how all any both each every few more most other some such no not only own same too very just also
  to of in on at by for with about against between into through during before after above below from up down out off
  over under again further once as until while because per via within without upon onto one ones s t don't doesn't
  isn't aren't can't won't let lets like get gets got make makes made use used using way ways thing things etc e.g i.e`
  .split(/\s+/u)
  .filter(Boolean);
const ENGLISH_BREAKS = new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${ENGLISH_FUNCTION_WORDS.map((w) => w.replace(/[.]/g, '\\.')).join('|')})(?![\\p{L}\\p{N}'’])`, 'giu');

const breakEnglish = (text: string) => text.replace(ENGLISH_BREAKS, '.');

/** The text the index scores: title, lead and body only — never the category or the portal's links. */
export function toRelatedDoc(input: RelatedInput): RelatedDoc {
  if (input.lang !== 'en') return { id: input.id, title: input.title, lead: input.lead, text: input.text };
  return { id: input.id, title: breakEnglish(input.title), lead: breakEnglish(input.lead), text: breakEnglish(input.text) };
}
