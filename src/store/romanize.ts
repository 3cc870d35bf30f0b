// Pinyin for file-name slugs (core/slug-ascii.ts). pinyin-pro is loaded from node_modules on the
// first Chinese title only (a new record's file name): loading it and building its dictionary costs
// about 0.1 s, which no read command should pay.
import { createRequire } from 'node:module';
import type { Romanize } from '../core/slug-ascii.js';

type Pinyin = typeof import('pinyin-pro').pinyin;
let pinyin: Pinyin | undefined;

export const romanize: Romanize = (text) => {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
};
