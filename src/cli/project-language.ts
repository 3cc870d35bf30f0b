// Before a write command asks its questions (prompts can take minutes, so they come before the
// lock): the project's language and manifest, from deliver.yaml alone. Reading the whole project
// here as well as again under the lock doubled the cost of every write on a large project.
import type { Manifest } from '../core/model.js';
import { MANIFEST_FILE } from '../core/model.js';
import { readRegularFile } from '../store/files.js';
import { LIMITS } from '../store/limits.js';
import { parseRecordBytes } from '../store/parse-policy.js';
import type { Context } from './context.js';
import { projectRoot } from './root.js';

/**
 * Switches to the project's language and returns its manifest data when deliver.yaml reads as a
 * mapping (schema findings wait for the read under the lock). A clear error outside a project.
 */
export function useProjectManifest(ctx: Context): Partial<Manifest> | undefined {
  const root = projectRoot(ctx);
  const read = readRegularFile(root, MANIFEST_FILE, LIMITS.recordBytes);
  const data = 'diagnostic' in read ? undefined : parseRecordBytes(read.bytes, MANIFEST_FILE, LIMITS.recordBytes).data;
  const manifest = data !== null && typeof data === 'object' ? (data as Partial<Manifest>) : undefined;
  const lang = manifest?.language;
  ctx.useProjectLanguage(typeof lang === 'string' ? lang : undefined);
  return manifest;
}
