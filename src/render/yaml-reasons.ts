// The YAML parser's reasons (js-yaml's wording) in Chinese, for DLV-E001 in a zh-CN session.
// A reason not listed keeps the parser's text.
const ZH: [RegExp, string][] = [
  [/^bad indentation of a mapping entry$/, '映射项（键: 值）的缩进不正确'],
  [/^bad indentation of a sequence entry$/, '列表项（- …）的缩进不正确'],
  [/^deficient indentation$/, '缩进不足：上一项可能没有写完（引号或括号未闭合）'],
  [/^can not read a block mapping entry; a multiline key may not be an implicit key$/, '无法读取映射项：这一行可能缺少冒号'],
  [/^can not read an implicit mapping pair; a colon is missed$/, '无法读取映射项：缺少冒号'],
  [/^end of the stream or a document separator is expected$/, '此处应为文件结尾：这一行的格式不正确'],
  [/^missed comma between flow collection entries$/, '方括号或花括号中的各项之间缺少逗号'],
  [/^unexpected end of the (stream|document) within a flow collection$/, '方括号或花括号未闭合'],
  [/^unexpected end of the (stream|document) within a single quoted scalar$/, '单引号字符串未闭合'],
  [/^unexpected end of the (stream|document) within a double quoted scalar$/, '双引号字符串未闭合'],
  [/^unexpected end of the (stream|document) within a verbatim tag$/, '标签未闭合'],
  [/^a line break is expected$/, '此处应换行'],
  [/^a whitespace character is expected after the key-value separator within a block mapping$/, '冒号后面应有空格'],
  [/^tab characters must not be used in indentation$/, '缩进中不能使用制表符（Tab），请改用空格'],
  [/^the stream contains non-printable characters$/, '内容包含不可打印的字符'],
  [/^unknown escape sequence$/, '未知的转义序列（反斜杠后的字符）'],
  [/^expected hexadecimal character$/, '此处应为十六进制字符'],
  [/^expected valid JSON character$/, '此处应为有效的 JSON 字符'],
  [/^expected the node content, but found '(.*)'$/, "此处应为值，实际为 '$1'"],
  [/^can not read a document$/, '无法读取文档'],
  [/^duplication of an anchor property$/, '重复的锚点'],
  [/^duplication of a tag property$/, '重复的标签'],
  [/^name of an (anchor|alias) node must contain at least one character$/, '锚点或别名的名称不能为空'],
  [/^invalid YAML$/, 'YAML 格式无效'],
];

export function yamlReasonZh(reason: string): string {
  for (const [re, zh] of ZH) if (re.test(reason)) return reason.replace(re, zh);
  return reason;
}
