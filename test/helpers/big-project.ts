// A generated project of `n` tasks in ten parallel chains (the first fifth done, with actual dates),
// a milestone every hundred tasks, and a few risks: what the charts and the site must survive.
import { makeProject } from './project.js';

const pad = (n: number, w = 4) => String(n).padStart(w, '0');

export function bigProject(n = 1000): string {
  const lines = ['schema_version: 1', 'milestones:'];
  for (let m = 1; m <= n / 100; m++) lines.push(`  - id: M-${pad(m, 3)}`, `    name: Release ${m}`, `    depends_on: [T-${pad(m * 100)}]`);
  lines.push('tasks:');
  for (let i = 1; i <= n; i++) {
    const chainPos = Math.ceil(i / 10);
    lines.push(
      `  - id: T-${pad(i)}`,
      `    name: Work package ${i} of the rollout`,
      `    owner: Owner ${i % 7}`,
      `    days: ${((i * 7) % 5) + 1}`,
    );
    if (i > 10) lines.push(`    depends_on: [T-${pad(i - 10)}]`);
    if (chainPos <= n / 50) {
      // done in week `chainPos` after the start, Friday
      const d = new Date(Date.UTC(2026, 0, 9) + (chainPos - 1) * 7 * 86400000).toISOString().slice(0, 10);
      lines.push('    status: done', `    actual_end: ${d}`);
    } else lines.push('    status: todo');
  }
  const risks: Record<string, string> = {};
  for (let r = 1; r <= 6; r++) {
    risks[`risks/R-00${r}-risk-${r}.yaml`] =
      `id: R-00${r}\ntitle: Risk number ${r}\ncategory: technical\nprobability: ${(r % 5) + 1}\nimpact: ${((r * 2) % 5) + 1}\nresponse: mitigate\nowner: Owner ${r}\nidentified: 2026-0${(r % 9) + 1}-01\nstatus: open\n`;
  }
  return makeProject({
    'deliver.yaml':
      'schema_version: 1\nname: Big rollout\ncode: BIG-1000\nclient: ACME\nstart: 2026-01-05\ndue: 2027-12-31\nlanguage: en\ncalendar:\n  base: none\n',
    'plan.yaml': lines.join('\n') + '\n',
    ...risks,
  });
}
