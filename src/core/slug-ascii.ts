// The ASCII words of a title, for file-name slugs: Chinese characters become their pinyin syllables
// (without tones, one word each, by the `romanize` the caller hands in: src/store/romanize.ts loads
// the dictionary, which core must not), accented Latin letters lose their accents, and anything else
// (other scripts, punctuation, symbols) separates words.

/** Splits a text holding Chinese characters into words, each Han character as its pinyin. */
export type Romanize = (text: string) => string[];

const HAN = /\p{Script=Han}/u;

/** Lower-case ASCII words ([a-z0-9]+) of a title, in order. */
export function asciiWords(title: string, romanize: Romanize): string[] {
  const text = title.normalize('NFKC');
  const parts = HAN.test(text) ? romanize(text) : [text];
  const words: string[] = [];
  for (const part of parts) {
    const plain = part
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    words.push(...(plain.match(/[a-z0-9]+/g) ?? []));
  }
  return words;
}
