// Write commands for the benchmark: a git copy of a generated project with a few extra records the
// writes need (an approved change, a risk with an open action), reset to that state before every
// timed run so each run makes the same change. Also the two revisions `diff` is timed on.
//
// To bench another write command, add a line to WRITES: `args` gets the ids found here. A write
// that does not exit 0 is a failed measurement (run.mjs marks its row).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_AUTHOR_DATE: '2026-11-20T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-20T00:00:00Z',
};

function git(dir, ...args) {
  const r = spawnSync('git', ['-c', 'core.autocrlf=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function deliver(bin, dir, args) {
  const r = spawnSync('node', [bin, ...args, '-C', dir], {
    env: { ...process.env, DELIVER_AS_OF: '2026-11-20', DELIVER_CACHE: '0' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`deliver ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** The first file in `folder` whose text matches `re`, and the id in its name. */
function firstId(dir, folder, re) {
  const name = readdirSync(join(dir, folder))
    .sort()
    .find((f) => re.test(readFileSync(join(dir, folder, f), 'utf8')));
  if (!name) throw new Error(`no record in ${folder} matching ${re}`);
  return /^([A-Z]+-\d+|\d{6}-\d{3})/.exec(name)[1];
}

/**
 * Copies the generated project `from` into `dir` as a git repository: commit "generated", then
 * "one risk added" (tag diff-head, what `diff` compares with its parent), then "bench base" (tag
 * base: CR-001 approved by both sides, a risk with an open action). Returns the ids writes use.
 */
export function prepareWriteProject(bin, from, dir, tasks) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(from, dir, { recursive: true, filter: (src) => !/[\/]\.git$/.test(src) });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'generated');
  deliver(bin, dir, [
    'risk',
    'add',
    '--title',
    'Vendor capacity',
    '--category',
    'delivery',
    '--probability',
    '3',
    '--impact',
    '4',
    '--response',
    'mitigate',
    '--owner',
    'Alice Chen',
  ]);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'one risk added');
  git(dir, 'tag', '-f', 'diff-head');
  deliver(bin, dir, ['change', 'approve', 'CR-001', '--as', 'customer', '--by', 'Customer']);
  deliver(bin, dir, ['change', 'approve', 'CR-001', '--as', 'internal', '--by', 'Alice Chen']);
  const risk = deliver(bin, dir, [
    'risk',
    'add',
    '--title',
    'Bench risk',
    '--category',
    'technical',
    '--probability',
    '2',
    '--impact',
    '3',
    '--response',
    'mitigate',
    '--owner',
    'Bob Li',
    '--action',
    'Call the vendor',
    '--action-due',
    '2027-01-10',
  ]);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'bench base');
  git(dir, 'tag', '-f', 'base');
  // Objects packed, as in a clone or a CI checkout (7,000 loose objects cost git 0.9 s to read).
  git(dir, 'repack', '-adq');
  return {
    todoTask: `T-${String(Math.ceil(tasks * 0.6)).padStart(5, '0')}`,
    receivedReq: firstId(dir, 'requirements', /^status: received$/m),
    failedAcceptance: firstId(dir, 'acceptance', /result: fail/),
    riskWithAction: risk,
    openMilestone: 'M-00002',
  };
}

/** Puts the project back to the bench base (untimed, before every run). */
export function resetWriteProject(dir) {
  git(dir, 'reset', '-q', '--hard', 'base');
  git(dir, 'clean', '-fdq');
}

export const WRITES = [
  { label: 'task add', args: () => ['task', 'add', '--name', 'Bench task', '--days', '2'] },
  { label: 'task done', args: (i) => ['task', 'done', i.todoTask] },
  { label: 'task update', args: (i) => ['task', 'update', i.todoTask, '--days', '3'] },
  { label: 'milestone done', args: (i) => ['milestone', 'done', i.openMilestone, '--date', '2026-11-19'] },
  { label: 'change apply', args: () => ['change', 'apply', 'CR-001', '--by', 'Alice Chen'] },
  {
    label: 'req add',
    args: () => [
      'req',
      'add',
      '--title',
      'Bench requirement',
      '--customer',
      'Customer',
      '--contact',
      'Li Na',
      '--received',
      '2026-11-02',
      '--receiver',
      'Bob Li',
      '--urgency',
      'low',
    ],
  },
  { label: 'req move', args: (i) => ['req', 'move', i.receivedReq, 'analyzing', '--by', 'Bob Li'] },
  {
    label: 'risk add',
    args: () => [
      'risk',
      'add',
      '--title',
      'Bench risk 2',
      '--category',
      'quality',
      '--probability',
      '2',
      '--impact',
      '2',
      '--response',
      'accept',
      '--owner',
      'Bob Li',
    ],
  },
  { label: 'risk act', args: (i) => ['risk', 'act', i.riskWithAction, '1', '--done'] },
  {
    label: 'accept round',
    args: (i) => [
      'accept',
      'round',
      i.failedAcceptance,
      '--result',
      'pass',
      '--by',
      'Li Na',
      '--signed-by',
      'Li Na',
      '--signed-on',
      '2026-11-20',
    ],
  },
];
