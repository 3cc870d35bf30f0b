// js-yaml 5, the careful parser (alias and depth limits, events with source positions), loaded on
// first use: most runs read only plain files, through the subset reader (subset-yaml.ts), and
// never need it.
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

let mod: typeof JsYaml | undefined;

export function carefulYaml(): typeof JsYaml {
  return (mod ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml);
}
