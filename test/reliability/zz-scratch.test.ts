import { it, vi, expect } from 'vitest';
const counter = vi.hoisted(() => ({ bytes: 0, calls: 0 }));
vi.mock('js-yaml', async (orig) => {
  const m = await orig<typeof import('js-yaml')>();
  return { ...m, load: (s: string, o: unknown) => { counter.bytes += s.length; counter.calls++; return m.load(s, o as never); }, parseEvents: (s: string, o: unknown) => { counter.bytes += s.length; counter.calls++; return m.parseEvents(s, o as never); } };
});
vi.mock('js-yaml-v4', async (orig) => {
  const m = (await orig<{ default: typeof import('js-yaml') }>()).default;
  return { default: { ...m, load: (s: string, o: unknown) => { counter.bytes += s.length; counter.calls++; return m.load(s, o as never); } } };
});
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
it('counts', async () => {
  const dir = makeProject({ 'risks/R-001-a.yaml': 'id: R-001\ntitle: x\nfoo: 1\n' });
  const r = await runCli(['validate'], { cwd: dir, env: { DELIVER_CACHE: '0' } });
  console.log(r.code, r.stdout, counter);
  expect(counter.calls).toBeGreaterThan(0);
});
