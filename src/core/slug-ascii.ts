// The ASCII words of a title, for file-name slugs: Chinese characters become their pinyin syllables
// (without tones, one word each), accented Latin letters lose their accents, and anything else
// (other scripts, punctuation, symbols) separates words. Pure: pinyin-pro carries its own dictionary.
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/** Lower-case ASCII words ([a-z0-9]+) of a title, in order. */
export function asciiWords(title: string): string[] {
  const text = title.normalize('NFKC');
  const parts = HAN.test(text) ? pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) : [text];
  const words: string[] = [];
  for (const part of parts) {
    const plain = part.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    words.push(...(plain.match(/[a-z0-9]+/g) ?? []));
  }
  return words;
}
