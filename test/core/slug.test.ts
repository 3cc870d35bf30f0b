// File-name slugs are ASCII (pinyin for Chinese) so paths read well in git, URLs and any shell;
// files named before (Chinese slugs) still load, whatever their names.
import { describe, expect, it } from 'vitest';
import { recordFileName, slugify } from '../../src/core/ids.js';
import { romanize } from '../../src/store/romanize.js';
import { loadProject } from '../../src/store/load.js';
import { copyExample } from '../helpers/project.js';
import { runCli } from '../helpers/cli.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

describe('slugify', () => {
  it('writes Chinese titles in pinyin, one word per syllable', () => {
    expect(slugify('客户方关键人员在项目期间离职', romanize)).toBe('ke-hu-fang-guan-jian-ren-yuan-zai-xiang');
    expect(slugify('销售看板 SSO 登录', romanize)).toBe('xiao-shou-kan-ban-sso-deng-lu');
    expect(slugify('绿色（第2期）', romanize)).toBe('lv-se-di-2-qi');
  });

  it('drops accents and anything outside ASCII letters and digits', () => {
    expect(slugify('Café déjà vu', romanize)).toBe('cafe-deja-vu');
    expect(slugify('../etc/passwd', romanize)).toBe('etc-passwd');
    expect(slugify('Привет', romanize)).toBe('record');
    expect(recordFileName('R-001', '\u202e\u0000x', romanize)).toBe('R-001-x.yaml');
  });

  it('stays within 40 characters at a word boundary', () => {
    const s = slugify('需求'.repeat(40), romanize);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('new records in a project with Chinese file names', () => {
  it('get ASCII names while the old ones keep theirs and still load', async () => {
    const dir = copyExample('crm-dashboard-zh');
    const r = await runCli(
      [
        'risk',
        'add',
        '--title',
        '门店网络不稳定',
        '--probability',
        '2',
        '--impact',
        '3',
        '--category',
        'technical',
        '--response',
        'mitigate',
        '--owner',
        '李工',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, 'risks'));
    expect(files).toContain('R-006-men-dian-wang-luo-bu-wen-ding.yaml');
    expect(files).toContain('R-001-开发期间需求频繁变更.yaml');
    const loaded = loadProject(dir);
    expect(loaded.project.risks.map((x) => x.data.id)).toContain('R-001');
    expect(loaded.project.risks.map((x) => x.data.id)).toContain('R-006');
  });
});
