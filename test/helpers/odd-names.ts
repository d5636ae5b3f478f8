/** File names that break naive URL and shell handling; every file test round-trips them all. */
export const ODD_NAMES: readonly string[] = [
  'with space.txt',
  'ünïcødé ✓ 日本.txt',
  'hash#tag.txt',
  'percent%20literal.txt',
  'question?.txt',
  'amp&ersand.txt',
  'plus+sign.txt',
  '-leading-dash.txt',
];

/** Distinct content per name, so a mix-up between two files cannot pass. */
export function contentFor(name: string): string {
  return `content of ${name}\nline two\n`;
}
