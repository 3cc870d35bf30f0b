// Schema-checking an edited record without checking again what the edit left alone. The data was
// valid before the edit, and the edit copies only the containers on its paths (yaml-edit.ts,
// applyEditsToData), so an item of a top-level list that is the very same object at the same
// index is still valid. Where the schema checks such a list item by item (scripts/build.mjs writes
// which lists: LIST_LIMITS), the record is valid when its length is within maxItems and a copy
// holding only the other items is valid; anything else is checked whole.
import { LIST_LIMITS } from '../generated/list-limits.js';
import * as validators from '../generated/validators.js';
import type { Validator } from '../generated/validators.js';
import type { RecordKind } from '../core/model.js';

const VALIDATORS: Record<RecordKind, Validator> = validators;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * True when `after` is valid for `kind`, given that `before` was. Checks only what changed where it
 * can; false means "not shown valid this way" (the caller then checks the whole record).
 */
export function editedStillValid(kind: RecordKind, before: unknown, after: unknown): boolean {
  const lists = LIST_LIMITS[kind];
  if (!lists || !isRecord(before) || !isRecord(after)) return false;
  const thin: Record<string, unknown> = { ...after };
  for (const [key, max] of Object.entries(lists)) {
    const now = after[key];
    const was = before[key];
    if (!Array.isArray(now) || !Array.isArray(was)) continue;
    if (now.length > max) return false;
    thin[key] = now === was ? [] : now.filter((item, i) => item !== was[i]);
  }
  return VALIDATORS[kind](thin);
}
