// js-yaml 5, the careful parser (alias and depth limits, events with source positions). Bundled
// like every other package; most runs read only plain files through the subset reader
// (subset-yaml.ts) and never call it.
import * as jsYaml from 'js-yaml';

export function carefulYaml(): typeof jsYaml {
  return jsYaml;
}
