// The kind registry is the one place a record kind is described: these checks keep everything that
// cannot import it (schemas, the CLI's flag lists, messages) in step with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as validators from '../../src/generated/validators.js';
import { EXPORT_KINDS as CLI_EXPORT_KINDS } from '../../src/commands/export/command.js';
import { APPROVAL_SIDES, CHANGE_STATUSES } from '../../src/core/change.js';
import { ID_PATTERNS, kindOfId, recordPath } from '../../src/core/ids.js';
import { EXPORT_KINDS, FOLDER_KINDS, FOLDERS, ID_KINDS, KIND_NAMES, kindSpec, refsOf, SCHEMA_NAMES } from '../../src/core/kinds/index.js';
import { REQUIREMENT_STATUSES } from '../../src/core/lifecycle.js';
import { emptyProject, recordsOf } from '../../src/core/model.js';
import { RISK_CATEGORIES, RISK_RESPONSES, RISK_STATUSES } from '../../src/core/risk.js';
import { MESSAGES } from '../../src/render/messages/index.js';
import { SCHEMAS } from '../../src/store/schema-docs.js';
import { romanize } from '../../src/store/romanize.js';
import { REPO } from '../helpers/project.js';

type Node = Record<string, unknown>;
const schema = (name: string): Node => JSON.parse(readFileSync(join(REPO, 'schemas', `${name}.schema.json`), 'utf8')) as Node;
const defs = schema('defs').$defs as Record<string, Node>;
/** Follows `$ref`s into defs.schema.json (the only place records share definitions). */
const deref = (n: Node | undefined): Node | undefined => {
  const ref = n?.$ref as string | undefined;
  return ref ? deref(defs[ref.slice(ref.lastIndexOf('/') + 1)]) : n;
};
const prop = (n: Node | undefined, key: string) => deref((deref(n)?.properties as Record<string, Node> | undefined)?.[key]);

/** The schema node of one record of a kind: the folder schema's root, or the item of its plan.yaml list. */
function recordSchema(kind: (typeof KIND_NAMES)[number]): Node {
  const spec = kindSpec(kind);
  const root = schema(spec.schema);
  return 'planList' in spec.storage ? deref(prop(root, spec.storage.planList)?.items as Node)! : root;
}

describe('the kind registry', () => {
  it('names exactly the schemas the build compiles, the store explains and the validators check', () => {
    const files = readdirSync(join(REPO, 'schemas'))
      .filter((f) => f.endsWith('.schema.json') && f !== 'defs.schema.json')
      .map((f) => f.replace('.schema.json', ''));
    expect([...new Set(SCHEMA_NAMES)].sort()).toEqual(files.sort());
    expect(
      Object.keys(SCHEMAS)
        .filter((k) => k !== 'defs')
        .sort(),
    ).toEqual(files.sort());
    for (const name of SCHEMA_NAMES) expect(typeof (validators as Record<string, unknown>)[name], name).toBe('function');
  });

  it('keeps id patterns equal to defs.schema.json, so the schema and the id rules never disagree', () => {
    for (const k of ID_KINDS) {
      const spec = kindSpec(k).id!;
      expect(defs[spec.def]?.pattern, k).toBe(spec.pattern.source);
      expect(ID_PATTERNS[k]).toBe(spec.pattern);
    }
    expect(kindOfId('T-001')).toBe('task');
    expect(kindOfId('202611-001')).toBe('requirement');
    expect(kindOfId('S-0001')).toBe('survey');
    expect(kindOfId('TK-001')).toBe('ticket');
    expect(kindOfId('V-001')).toBe('visit');
    expect(kindOfId('RS-001')).toBe('dispatch');
    expect(kindOfId('TR-001')).toBe('training');
    expect(kindOfId('X-001')).toBeUndefined();
  });

  it('describes record fields that exist: the id, every reference path and every title field', () => {
    for (const k of KIND_NAMES) {
      const node = recordSchema(k);
      if (kindSpec(k).id) expect(prop(node, 'id'), `${k}.id`).toBeDefined();
      for (const ref of refsOf(k)) {
        let n: Node | undefined = node;
        for (const step of ref.steps) n = step === null ? deref(deref(n)?.items as Node) : prop(n, step);
        expect(n, `${k} ${ref.spec.path}`).toBeDefined();
        // Every reference ends in an id: a pattern from defs.schema.json.
        expect(typeof deref(n)?.pattern, `${k} ${ref.spec.path}`).toBe('string');
      }
    }
  });

  it('has a list per kind in the project, and a folder per folder kind', () => {
    const p = emptyProject();
    for (const k of KIND_NAMES) expect(recordsOf(p, k), k).toEqual([]);
    expect(Object.keys(FOLDERS).sort()).toEqual([...FOLDER_KINDS].sort());
    expect(recordPath('risk', { id: 'R-007', title: '客户方 关键人员 离职' }, romanize)).toBe(
      'risks/R-007-ke-hu-fang-guan-jian-ren-yuan-li-zhi.yaml',
    );
    expect(recordPath('survey', { id: 'S-002', date: '2026-11-01', score: 90 }, romanize)).toBe('surveys/S-002-survey.yaml');
  });

  it('gives every kind a name and a plural, and every export column a header, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const m = MESSAGES[lang];
      for (const k of KIND_NAMES) {
        expect(m[`kind.${k}`], `${lang} kind.${k}`).toBeTruthy();
        expect(m[`kind.${k}.plural`], `${lang} kind.${k}.plural`).toBeTruthy();
        for (const c of kindSpec(k).columns ?? []) expect(m[`exp.h.${c.key}`], `${lang} exp.h.${c.key}`).toBeTruthy();
      }
    }
  });

  it("offers `export --kind` exactly the registry's exported kinds", () => {
    expect([...CLI_EXPORT_KINDS]).toEqual(EXPORT_KINDS);
  });
});

describe('value lists copied out of the schemas', () => {
  const enumOf = (n: Node | undefined) => deref(n)?.enum as string[] | undefined;
  it('risk categories, responses and statuses', () => {
    const risk = schema('risk');
    expect([...RISK_CATEGORIES]).toEqual(enumOf(prop(risk, 'category')));
    expect([...RISK_RESPONSES]).toEqual(enumOf(prop(risk, 'response')));
    expect([...RISK_STATUSES]).toEqual(enumOf(prop(risk, 'status')));
  });
  it('requirement statuses and change statuses', () => {
    expect([...REQUIREMENT_STATUSES].sort()).toEqual([...enumOf(prop(schema('requirement'), 'status'))!].sort());
    expect([...CHANGE_STATUSES]).toEqual(enumOf(prop(schema('change'), 'status')));
    expect(
      Object.keys(
        prop(prop(schema('change'), 'approvals'), 'customer') ? (deref(prop(schema('change'), 'approvals'))!.properties as Node) : {},
      ).sort(),
    ).toEqual([...APPROVAL_SIDES].sort());
  });
});

describe("the command line's choices", () => {
  it('offer exactly the values the schemas allow', async () => {
    const { buildProgram } = await import('../../src/cli/program.js');
    type Cmd = { name(): string; commands: Cmd[]; options: { long?: string; argChoices?: string[] }[] };
    const program = buildProgram('0.0.0', async () => {}) as unknown as Cmd;
    const choices = (path: string, flag: string) => {
      let c: Cmd | undefined = program;
      for (const name of path.split(' ')) c = c?.commands.find((x) => x.name() === name);
      return c?.options.find((o) => o.long === flag)?.argChoices;
    };
    const enumAt = (name: string, ...keys: string[]) => {
      let n: Node | undefined = schema(name);
      for (const k of keys) n = k === '[]' ? deref(deref(n)?.items as Node) : prop(n, k);
      return deref(n)?.enum as string[];
    };
    expect(choices('risk add', '--category')).toEqual(enumAt('risk', 'category'));
    expect(choices('risk add', '--response')).toEqual(enumAt('risk', 'response'));
    expect(choices('risk update', '--status')).toEqual(enumAt('risk', 'status'));
    expect(choices('req add', '--urgency')).toEqual(enumAt('requirement', 'urgency'));
    expect(choices('req add', '--channel')).toEqual(enumAt('requirement', 'channel'));
    expect(choices('accept round', '--result')).toEqual(enumAt('acceptance', 'rounds', '[]', 'result'));
    expect(choices('accept round', '--kind')).toEqual(enumAt('acceptance', 'rounds', '[]', 'kind'));
    expect(choices('ticket add', '--kind')).toEqual(enumAt('ticket', 'kind'));
    expect(choices('ticket add', '--severity')).toEqual(enumAt('ticket', 'severity'));
    expect(choices('ticket add', '--channel')).toEqual(enumAt('ticket', 'channel'));
    expect(choices('meeting add', '--kind')).toEqual(enumAt('meeting', 'kind'));
    expect(choices('ticket add', '--kind')).toEqual(enumAt('ticket', 'kind'));
    expect(choices('ticket add', '--severity')).toEqual(enumAt('ticket', 'severity'));
    expect(choices('ticket add', '--channel')).toEqual(enumAt('ticket', 'channel'));
    expect(choices('visit add', '--channel')).toEqual(enumAt('visit', 'channel'));
    expect(choices('training add', '--method')).toEqual(enumAt('training', 'method'));
    expect(choices('report sent', '--type')).toEqual(enumAt('dispatch', 'type'));
    expect(choices('team add', '--side')).toEqual(enumAt('manifest', 'team', '[]', 'side'));
  });
});
