// YAML syntax errors in the session's language, at the line where the mistake is (the parser
// notices an unclosed bracket or quote, or a missing colon, only on the next line).
import { describe, expect, it } from 'vitest';
import { yamlReasonZh } from '../../src/render/yaml-reasons.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

const validate = async (plan: string, lang: string) =>
  (await runCli(['validate', '--lang', lang], { cwd: makeProject({ 'plan.yaml': plan }) })).stdout;

describe('YAML syntax errors', () => {
  it('point at the line of an unclosed bracket, in Chinese for zh-CN', async () => {
    const plan = 'schema_version: 1\ntasks:\n  - id: T-001\n    depends_on: [T-002,\n  - id: T-002\n    name: x\n';
    expect(await validate(plan, 'zh-CN')).toMatch(
      /^plan\.yaml:4:5: 错误 DLV-E001 YAML 语法错误：缩进不足：上一项可能没有写完（引号或括号未闭合）/m,
    );
    expect(await validate(plan, 'en')).toMatch(/^plan\.yaml:4:5: error DLV-E001 YAML syntax error: deficient indentation/m);
  });

  it('point at the line of an unclosed quote and of a missing colon', async () => {
    expect(await validate('schema_version: 1\ntasks:\n  - id: T-001\n    name: "abc\n  - id: T-002\n', 'en')).toMatch(/^plan\.yaml:4:5: /m);
    expect(await validate('schema_version: 1\nfoo\nbar: 1\n', 'zh-CN')).toMatch(
      /^plan\.yaml:2:1: 错误 DLV-E001 YAML 语法错误：无法读取映射项：这一行可能缺少冒号/m,
    );
  });

  it('keep a wrongly indented key where it is', async () => {
    expect(await validate('schema_version: 1\ntasks:\n  - id: T-001\n    name: x\n     days: 3\n', 'zh-CN')).toMatch(
      /^plan\.yaml:5:\d+: 错误 DLV-E001 YAML 语法错误：映射项（键: 值）的缩进不正确/m,
    );
  });

  it('translate the common reasons and keep unknown ones', () => {
    expect(yamlReasonZh('missed comma between flow collection entries')).toBe('方括号或花括号中的各项之间缺少逗号');
    expect(yamlReasonZh("expected the node content, but found ','")).toBe("此处应为值，实际为 ','");
    expect(yamlReasonZh('something new')).toBe('something new');
  });
});
