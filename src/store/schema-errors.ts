// Turns ajv errors into findings with stable codes and plain messages ("missing required field",
// "unknown field … allowed here: …") instead of ajv's generic wording.
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { AjvError } from '../generated/validators.js';
import { ID_KINDS, idSpec } from '../core/kinds/index.js';
import { SCHEMAS } from './schema-docs.js';

/** How a value matching each `$defs` pattern is written, for "expected …" messages: the registry's id forms and a few more. */
const FORMS: Record<string, string> = {
  ...Object.fromEntries(ID_KINDS.map((k) => [idSpec(k).def, idSpec(k).form])),
  planItemId: 'T-NNN or M-NNN',
  person: 'a name without leading or trailing spaces',
};

export function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => {
      const s = p.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(s) ? Number(s) : s;
    });
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** Resolves a schemaPath like `defs.schema.json#/$defs/money/additionalProperties` to its schema node's parent. */
function schemaNode(kind: string, schemaPath: string): Record<string, unknown> | undefined {
  const [file, pointer = ''] = schemaPath.includes('#') ? schemaPath.split('#') : ['', schemaPath];
  const doc = SCHEMAS[file ? file.replace('.schema.json', '') : kind];
  const parts = pointer.split('/').filter(Boolean).slice(0, -1);
  let node: unknown = doc;
  for (const p of parts)
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

export function schemaDiagnostics(
  kind: string,
  file: string,
  data: unknown,
  errors: readonly AjvError[],
  base: (string | number)[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = pathOf(e.instancePath);
    const field = String(path[path.length - 1] ?? '(record)');
    const value = valueAt(data, path);
    let d: Diagnostic;
    // An if/then schema (a team survey's 1–5 scores) reports the failing `then` keyword itself too.
    if (e.keyword === 'if') continue;
    switch (e.keyword) {
      case 'required':
        d = diag('DLV-E021', file, { field: String(e.params.missingProperty) }, [...base, ...path]);
        break;
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        const props = schemaNode(kind, e.schemaPath)?.properties;
        d = diag('DLV-E022', file, { field: key, allowed: props ? Object.keys(props).join(', ') : '?' }, [...base, ...path, key]);
        break;
      }
      case 'type':
        d = diag('DLV-E023', file, { field, expected: String(e.params.type), actual: describe(value) }, [...base, ...path]);
        break;
      case 'enum':
      case 'const': {
        const allowed = (e.params.allowedValues ?? [e.params.allowedValue]) as unknown[];
        d = diag('DLV-E024', file, { field, allowed: allowed.map(String).join(', '), value: String(value) }, [...base, ...path]);
        break;
      }
      case 'pattern': {
        const def = /\$defs\/(\w+)\/pattern$/.exec(e.schemaPath)?.[1];
        if (def === 'date') d = diag('DLV-E025', file, { field, value: String(value) }, [...base, ...path]);
        else
          d = diag('DLV-E026', file, { field, form: (def && FORMS[def]) ?? String(e.params.pattern), value: String(value) }, [
            ...base,
            ...path,
          ]);
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        d = diag(
          'DLV-E027',
          file,
          { field, comparison: String(e.params.comparison), limit: Number(e.params.limit), value: String(value) },
          [...base, ...path],
        );
        break;
      case 'minLength':
      case 'maxLength':
        d = diag('DLV-E028', file, { field, comparison: e.keyword === 'minLength' ? '>=' : '<=', limit: Number(e.params.limit) }, [
          ...base,
          ...path,
        ]);
        break;
      default:
        d = diag('DLV-E029', file, { field, message: e.message ?? e.keyword }, [...base, ...path]);
    }
    const key = `${d.code}|${JSON.stringify(d.path)}|${JSON.stringify(d.args)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
