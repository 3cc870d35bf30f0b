// Editors validate records through the `# yaml-language-server: $schema=` modeline: check that
// every example record and every file deliver writes names a schema that exists next to it
// (`.deliver/schemas/`), that the schema's relative $refs (defs.schema.json) resolve from there the
// way an editor resolves them (against the schema file's own URL), and that the record is valid.
// Schemas are compiled here with ajv from the copies the modelines point at.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020Import from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { copyExample, REPO, tempDir } from './helpers/project.js';

type AjvClass = typeof Ajv2020Import;
const Ajv2020: AjvClass = (Ajv2020Import as unknown as { default?: AjvClass }).default ?? Ajv2020Import;

const MODELINE = /^(?:\ufeff)?# yaml-language-server: \$schema=(\S+)\r?$/;

/** Files (absolute paths) that a schema's $refs point at, resolved against the schema's own URL. */
function refTargets(path: string, seen = new Set<string>()): string[] {
  if (seen.has(path)) return [];
  seen.add(path);
  const walk = (n: unknown): string[] => {
    if (!n || typeof n !== 'object') return [];
    const o = n as Record<string, unknown>;
    const here =
      typeof o.$ref === 'string' && !o.$ref.startsWith('#')
        ? [fileURLToPath(new URL(o.$ref.replace(/#.*$/, ''), pathToFileURL(path)))]
        : [];
    return [...here, ...Object.values(o).flatMap(walk)];
  };
  const direct = [...new Set(walk(JSON.parse(readFileSync(path, 'utf8'))))];
  return [...direct, ...direct.filter(existsSync).flatMap((p) => refTargets(p, seen))];
}

/**
 * Compiles the schema at a file URL the way an editor loads it. Each distinct set of schema texts
 * is compiled once (compiling is slow); every location still has its $ref targets checked.
 */
function editorValidator() {
  const ajv = new Ajv2020({ strict: true, code: { optimize: false }, loadSchema: async (uri: string) => load(uri) });
  const load = (url: string) => {
    const path = fileURLToPath(url.replace(/#.*$/, ''));
    const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    // A relative $id resolves against the retrieval URL (JSON Schema 2020-12 §8.2.1), so relative
    // $refs inside it resolve to files beside it: exactly what the editor sees.
    schema.$id = new URL(String(schema.$id ?? ''), pathToFileURL(path)).href;
    return schema;
  };
  const byContent = new Map<string, ValidateFunction>();
  return async (schemaUrl: string): Promise<ValidateFunction | string> => {
    const path = fileURLToPath(schemaUrl);
    const targets = refTargets(path);
    const missing = targets.filter((t) => !existsSync(t));
    if (missing.length) return `$ref target missing: ${missing.join(', ')}`;
    const key = [path, ...targets].map((p) => readFileSync(p, 'utf8')).join('\0');
    let v = byContent.get(key);
    if (!v) byContent.set(key, (v = await ajv.compileAsync(load(schemaUrl))));
    return v;
  };
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules') continue;
    const st = statSync(p);
    if (st.isDirectory()) out.push(...yamlFiles(p));
    else if (name.endsWith('.yaml')) out.push(p);
  }
  return out.sort();
}

/** The schema URL a file's modeline names (resolved against the file), or null without one. */
function modelineTarget(file: string): string | null {
  const first = readFileSync(file, 'utf8').split('\n', 1)[0]!;
  const m = MODELINE.exec(first);
  return m ? pathToFileURL(resolve(dirname(file), m[1]!)).href : null;
}

/**
 * Problems with the files' modelines and contents. Examples and written projects must carry a
 * modeline whose schema exists beside them; test fixtures (`fixture`) have no schema copies, so an
 * unresolved modeline there is checked against the package schema of the same name instead.
 */
const compile = editorValidator();

async function checkFiles(files: string[], requireModeline: boolean, fixture = false): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const target = modelineTarget(file);
    const rel = relative(REPO, file);
    if (!target) {
      if (requireModeline) problems.push(`${rel}: no yaml-language-server modeline`);
      continue;
    }
    let url = target;
    if (!existsSync(fileURLToPath(target))) {
      if (!fixture) {
        problems.push(`${rel}: modeline names ${target}, which does not exist`);
        continue;
      }
      url = pathToFileURL(join(REPO, 'schemas', target.slice(target.lastIndexOf('/') + 1))).href;
    }
    const validate = await compile(url);
    if (typeof validate === 'string') {
      problems.push(`${rel}: ${validate}`);
      continue;
    }
    const data = parse(readFileSync(file, 'utf8'), { version: '1.2' }) as unknown;
    if (!validate(data)) problems.push(`${rel}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
  return problems;
}

describe('editor schemas', () => {
  it('every example record names a schema beside it that validates it, with $refs resolved from there', async () => {
    const files = yamlFiles(join(REPO, 'examples'));
    expect(files.length).toBeGreaterThan(10);
    expect(await checkFiles(files, true)).toEqual([]);
  });

  it('notices a modeline whose schema cannot resolve its $refs', async () => {
    const dir = copyExample('crm-dashboard-zh');
    rmSync(join(dir, '.deliver', 'schemas', 'defs.schema.json'));
    const problems = await checkFiles([join(dir, 'plan.yaml')], true);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/plan\.yaml: \$ref target missing: .*\.deliver\/schemas\/defs\.schema\.json/);
  });

  it('golden fixtures that carry a modeline validate against the schema it names', async () => {
    const dir = join(REPO, 'test', 'golden');
    expect(await checkFiles(existsSync(dir) ? yamlFiles(dir) : [], false, true)).toEqual([]);
  });

  it('the schema copies in examples are the package schemas', () => {
    for (const example of readdirSync(join(REPO, 'examples')).filter((n) => existsSync(join(REPO, 'examples', n, 'deliver.yaml')))) {
      for (const f of readdirSync(join(REPO, 'schemas'))) {
        const copy = join(REPO, 'examples', example, '.deliver', 'schemas', f);
        expect(existsSync(copy), copy).toBe(true);
        expect(readFileSync(copy, 'utf8'), copy).toBe(readFileSync(join(REPO, 'schemas', f), 'utf8'));
        // Committed with the example: a clone must have what the modelines point at.
        expect(spawnSync('git', ['check-ignore', '-q', copy], { cwd: REPO }).status, `${copy} is git-ignored`).toBe(1);
      }
    }
  });

  it('a project made by `deliver init` and changed by commands stays editor-valid, and git keeps its schemas', async () => {
    const dir = tempDir('deliver-editor-');
    const init = await runCli(
      [
        'init',
        'p',
        '--yes',
        '--template',
        'software',
        '--lang',
        'en',
        '--name',
        'Demo',
        '--client',
        'ACME',
        '--start',
        '2026-09-01',
        '--due',
        '2026-12-31',
      ],
      { cwd: dir },
    );
    expect(init.code).toBe(0);
    const root = join(dir, 'p');
    const add = await runCli(
      ['req', 'add', '--title', 'Sales <dashboard>', '--customer', 'ACME', '--contact', 'Li', '--receiver', 'Wang', '--yes'],
      { cwd: root },
    );
    expect(add.code).toBe(0);
    const files = yamlFiles(root).filter((f) => !f.includes(`${join(root, '.deliver')}`));
    expect(files.some((f) => f.includes('requirements/'))).toBe(true);
    expect(await checkFiles(files, true)).toEqual([]);
    // The modelines point into .deliver/schemas/: a clone must have them, so git must not ignore them.
    execFileSync('git', ['init', '-q'], { cwd: root, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    const ignored = execFileSync('git', ['status', '--porcelain', '--ignored', '--untracked-files=all', '.deliver'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(ignored.split('\n').filter((l) => l.startsWith('!!') && l.includes('schemas/'))).toEqual([]);
  });
});
