#!/usr/bin/env node
// Generates src/core/generated/*.ts from schemas/ so the TypeScript record types can never drift
// from the schemas. test/schemas.test.ts regenerates in memory and fails if a file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModelTypes } from './model-types.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'src', 'core', 'generated');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(await generateModelTypes(root))) writeFileSync(join(dir, name), text);
console.log('wrote src/core/generated/');
