// The ASCII words of a title, for file-name slugs: Chinese characters become their pinyin syllables
// (without tones, one word each), accented Latin letters lose their accents, and anything else
// (other scripts, punctuation, symbols) separates words. Pure: pinyin-pro carries its own dictionary.
// It is loaded on the first Chinese title only (a new record's file name): loading it and building
// its dictionary costs about 0.1 s, which no read command should pay.
import { createRequire } from 'node:module';

type Pinyin = typeof import('pinyin-pro').pinyin;
let pinyinFn: Pinyin | undefined;
const pinyin: Pinyin = ((...args: Parameters<Pinyin>) =>
  (pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro')).pinyin)(...args)) as Pinyin;

const HAN = /\p{Script=Han}/u;

/** Lower-case ASCII words ([a-z0-9]+) of a title, in order. */
export function asciiWords(title: string): string[] {
  const text = title.normalize('NFKC');
  const parts = HAN.test(text) ? pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) : [text];
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
