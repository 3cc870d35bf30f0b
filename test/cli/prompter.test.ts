// The prompts' own words follow the session's language: the key hints under a list, yes and no.
import { describe, expect, it } from 'vitest';
import { promptThemes } from '../../src/cli/prompter.js';

describe('prompt themes', () => {
  it('say the key hints and yes/no in Chinese for zh-CN', () => {
    const zh = promptThemes('zh-CN');
    const tip = zh.select.style!.keysHelpTip([
      ['↑↓', 'navigate'],
      ['⏎', 'select'],
    ]);
    expect(tip).toBe('↑↓ 移动 • ⏎ 选择');
    expect(zh.confirm.keywords).toMatchObject({ yes: '是', no: '否' });
    expect(zh.confirm.keywords!.error()).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("leave inquirer's English as it is for en", () => {
    expect(promptThemes('en')).toEqual({ select: {}, confirm: {} });
  });
});
