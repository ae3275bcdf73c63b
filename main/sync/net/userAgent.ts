/** Product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'ArchiveReader';

/** The identifying User-Agent sent with every request, so portal operators know who we are. */
export function userAgentFor(appVersion: string): string {
  return `${ROBOTS_AGENT}/${appVersion} (+offline reader)`;
}
