// init asks who is on the project and for the contract, asks again after an invalid answer
// instead of exiting, and refuses to create a project inside another.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/cli/context.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, read, tempDir } from '../helpers/project.js';

/** Answers in order; an answer the question's check refuses is recorded and the next one is tried. */
function checkingPrompter(answers: string[]): Prompter & { asked: string[]; refused: string[] } {
  const asked: string[] = [];
  const refused: string[] = [];
  const take = (q: string) => {
    asked.push(q);
    if (!answers.length) throw new Error(`unexpected prompt: ${q}`);
    return answers.shift()!;
  };
  return {
    asked,
    refused,
    async input(message, opts) {
      for (;;) {
        const a = take(message);
        const ok = opts?.validate ? opts.validate(a) : true;
        if (ok === true) return a === '' && opts?.default !== undefined ? opts.default : a;
        refused.push(ok);
      }
    },
    async select(message) {
      return take(message) as never;
    },
    async confirm(message) {
      return take(message) === 'y';
    },
  };
}

describe('deliver init: people, contract, and answers asked again', () => {
  it('asks again for a due date before the start, then for the people and the contract', async () => {
    const dir = tempDir();
    const p = checkingPrompter([
      'software',
      'zh-CN',
      '看板项目',
      '鑫禾零售',
      '2026-09-01',
      '2026-08-01',
      '2026-12-31',
      '王总',
      '周敏',
      '张经理',
      'not a phone',
      '13800000000',
      'HT-2026-018',
      '2026-13-01',
      '2026-08-20',
    ]);
    const r = await runCli(['init', 'crm'], { cwd: dir, stdinIsTTY: true, prompter: p });
    expect(r.code, r.stderr).toBe(0);
    expect(p.refused).toEqual([
      '完成日期 2026-08-01 早于开始日期 2026-09-01',
      '不是有效的电话号码或邮箱地址："not a phone"',
      expect.stringContaining('--contract-date'),
    ]);
    const m = load(read(join(dir, 'crm'), 'deliver.yaml')) as { team: unknown[]; contract: unknown; due: string };
    expect(m.due).toBe('2026-12-31');
    expect(m.contract).toEqual({ number: 'HT-2026-018', signed: '2026-08-20' });
    expect(m.team).toEqual([
      { name: '王总', role: '项目负责人', side: 'supplier' },
      { name: '周敏', role: '交付专员（项目经理）', side: 'supplier' },
      { name: '张经理', role: '客户方主要联系人', side: 'customer', phone: '13800000000' },
    ]);
    // The template's tasks and risks belong to the delivery specialist, not a placeholder.
    expect(read(join(dir, 'crm'), 'plan.yaml')).toContain('owner: 周敏');
    expect(read(join(dir, 'crm'), 'plan.yaml')).not.toContain('交付负责人');
    expect((await runCli(['validate'], { cwd: join(dir, 'crm') })).code).toBe(0);
    // The template's risk about the customer's own staff is internal: the customer's weekly report leaves it out.
    const internal = await runCli(['report', 'weekly', '--audience', 'internal'], { cwd: join(dir, 'crm') });
    const customer = await runCli(['report', 'weekly', '--audience', 'customer'], { cwd: join(dir, 'crm') });
    expect(internal.stdout).toContain('客户方关键人员在项目期间离职');
    expect(customer.stdout).not.toContain('客户方关键人员在项目期间离职');
  });

  it('takes the same from flags with --yes, all optional', async () => {
    const dir = tempDir();
    const r = await runCli(
      [
        'init',
        'a',
        '--yes',
        '--lang',
        'en',
        '--lead',
        'Wang',
        '--contact',
        'Zhang',
        '--contact-reach',
        'zhang@example.com',
        '--contract',
        'C-1',
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const m = load(read(join(dir, 'a'), 'deliver.yaml')) as { team: unknown[]; contract: unknown };
    expect(m.team).toEqual([
      { name: 'Wang', role: 'project lead', side: 'supplier' },
      { name: 'Zhang', role: "customer's main contact", side: 'customer', email: 'zhang@example.com' },
    ]);
    expect(m.contract).toEqual({ number: 'C-1' });
    const none = await runCli(['init', 'b', '--yes'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(read(join(dir, 'b'), 'deliver.yaml')).not.toContain('team:');
    const bad = await runCli(['init', 'c', '--yes', '--start', '2026-09-01', '--due', '2026-08-01'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the completion date 2026-08-01 is before the start date 2026-09-01');
  });

  it('refuses to create a project inside another, naming it', async () => {
    const outer = makeProject({});
    mkdirSync(join(outer, 'sub'));
    const r = await runCli(['init', 'sub/inner', '--yes'], { cwd: outer });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refusing to create a project inside another project: ${outer} holds deliver.yaml`);
  });
});
