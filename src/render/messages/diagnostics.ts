// The catalogue of finding codes: message and hint in English and Chinese. Codes are stable once
// published (scripts, CI annotations and people's memory depend on them): add, never renumber.
// Templates use {name} placeholders filled from Diagnostic.args.

export interface CodeText {
  en: string;
  zh: string;
  hintEn?: string;
  hintZh?: string;
}

export const DIAGNOSTIC_TEXT: Readonly<Record<string, CodeText>> = Object.freeze({
  // --- reading files: E001–E019 ---
  'DLV-E001': {
    en: 'YAML syntax error: {reason}',
    zh: 'YAML 语法错误：{reason}',
    hintEn: 'Fix the YAML at this position; an editor with a YAML extension shows the problem as you type.',
    hintZh: '请修正此处的 YAML；带 YAML 插件的编辑器可实时提示问题。',
  },
  'DLV-E002': {
    en: 'duplicate key "{key}"',
    zh: '重复的键 "{key}"',
    hintEn: 'A key may appear once per mapping: remove or rename one of them.',
    hintZh: '同一映射中每个键只能出现一次，请删除或改名其一。',
  },
  'DLV-E003': {
    en: 'anchors and aliases (&name, *name) are not allowed',
    zh: '不允许使用锚点和别名（&name、*name）',
    hintEn: 'Write the value out in full; aliases are refused so that no file can expand into a huge one.',
    hintZh: '请完整写出取值；为防止文件被恶意展开，记录中禁止别名。',
  },
  'DLV-E004': {
    en: 'tag {tag} is not allowed',
    zh: '不允许使用标签 {tag}',
    hintEn: 'Remove the tag: records use plain YAML 1.2 values (no !!binary, !!timestamp or custom tags).',
    hintZh: '请删除标签：记录只使用 YAML 1.2 普通取值（不支持 !!binary、!!timestamp 或自定义标签）。',
  },
  'DLV-E005': {
    en: '"%YAML {version}" directive: records are read as YAML 1.2 only',
    zh: '"%YAML {version}" 指令：记录只按 YAML 1.2 读取',
    hintEn: 'Delete the %YAML line.',
    hintZh: '请删除 %YAML 这一行。',
  },
  'DLV-E006': {
    en: 'merge keys (<<) are not supported',
    zh: '不支持合并键（<<）',
    hintEn: 'Write the keys out in full.',
    hintZh: '请完整写出各个键。',
  },
  'DLV-E007': {
    en: 'more than one YAML document in the file',
    zh: '文件中有多个 YAML 文档',
    hintEn: 'Keep one record per file: remove the extra "---" document.',
    hintZh: '每个文件只放一条记录：请删除多余的 "---" 文档。',
  },
  'DLV-E008': {
    en: 'unresolved merge-conflict marker "{marker}"',
    zh: '未解决的合并冲突标记 "{marker}"',
    hintEn: 'Resolve the git conflict: keep the right lines between <<<<<<< and >>>>>>> and delete the markers.',
    hintZh: '请解决 git 冲突：保留 <<<<<<< 与 >>>>>>> 之间正确的内容并删除冲突标记。',
  },
  'DLV-E009': {
    en: 'the file is not valid UTF-8 (first bad byte at offset {offset})',
    zh: '文件不是有效的 UTF-8 编码（第一个错误字节位于偏移 {offset}）',
    hintEn: 'Save the file as UTF-8 (GBK and other encodings are not read).',
    hintZh: '请以 UTF-8 编码保存文件（不读取 GBK 等其他编码）。',
  },
  'DLV-E010': {
    en: 'the file is empty',
    zh: '文件为空',
    hintEn: 'Write the record, or delete the file.',
    hintZh: '请填写记录内容，或删除该文件。',
  },
  'DLV-E011': {
    en: 'the file is {size} bytes, over the {limit}-byte limit',
    zh: '文件大小 {size} 字节，超过上限 {limit} 字节',
    hintEn: 'Split the content or move attachments out of the record; records hold text, not documents.',
    hintZh: '请拆分内容或把附件移出记录；记录只保存文字，不保存文档本身。',
  },
  'DLV-E012': {
    en: 'a text value of {length} characters is over the {limit}-character limit',
    zh: '文本长度 {length} 个字符，超过上限 {limit}',
    hintEn: 'Shorten the text or keep it in a separate document and refer to it.',
    hintZh: '请缩短文字，或另存为文档并在此引用。',
  },
  'DLV-E013': {
    en: 'nesting deeper than {limit} levels',
    zh: '嵌套层级超过 {limit} 层',
    hintEn: 'Records are shallow; check the indentation.',
    hintZh: '记录层级很浅，请检查缩进。',
  },
  'DLV-E014': {
    en: 'key "{key}" is not allowed',
    zh: '不允许使用键 "{key}"',
    hintEn: '__proto__, constructor and prototype are reserved names; rename the key.',
    hintZh: '__proto__、constructor、prototype 为保留名称，请改名。',
  },
  'DLV-E015': {
    en: 'not read: this is a {type}, not a regular file',
    zh: '未读取：这是{type}，不是普通文件',
    hintEn: 'Replace it with a regular file inside the project; links are never followed, so no read or write leaves the project.',
    hintZh: '请替换为项目内的普通文件；deliver 从不跟随链接，读写不会越出项目目录。',
  },
  'DLV-E016': {
    en: 'the record must be a mapping of keys to values, found {type}',
    zh: '记录必须是键值映射，实际为 {type}',
    hintEn: 'Start the file with "id: ..." and the other fields, one per line.',
    hintZh: '文件应以 "id: ..." 等字段开头，每行一个字段。',
  },
  'DLV-E017': {
    en: 'cannot read the file: {reason}',
    zh: '无法读取文件：{reason}',
    hintEn: 'Check the file permissions.',
    hintZh: '请检查文件权限。',
  },
  'DLV-W018': {
    en: 'ignored: record files end in .yaml',
    zh: '已忽略：记录文件应以 .yaml 结尾',
    hintEn: 'Rename it to .yaml if it is a record, or move it out of this folder.',
    hintZh: '如果是记录，请改为 .yaml 后缀；否则移出该目录。',
  },
  'DLV-E019': {
    en: 'the file name "{name}" cannot be used',
    zh: '文件名 "{name}" 不可用',
    hintEn: 'File names must be valid UTF-8 and may not contain control, zero-width or path characters.',
    hintZh: '文件名必须是有效的 UTF-8，且不能包含控制字符、零宽字符或路径字符。',
  },
  'DLV-E031': {
    en: 'invisible character {char} in a value or key',
    zh: '取值或键中有不可见字符 {char}',
    hintEn:
      'Control, bidirectional-override and zero-width characters do not show, so a title or an id can read differently in a review from what it is. Delete the character (an editor that shows invisible characters helps).',
    hintZh:
      '控制字符、双向覆盖字符和零宽字符不会显示，评审时标题或编号可能看起来与实际不同。请删除该字符（可用能显示不可见字符的编辑器）。',
  },

  // --- schema: E020–E029 ---
  'DLV-E020': { en: '{field}: {message}', zh: '{field}：{message}' },
  'DLV-E021': {
    en: 'missing required field "{field}"',
    zh: '缺少必填字段 "{field}"',
    hintEn: 'Add "{field}:" here.',
    hintZh: '请在此处补充 "{field}:"。',
  },
  'DLV-E022': {
    en: 'unknown field "{field}"',
    zh: '未知字段 "{field}"',
    hintEn: 'Allowed here: {allowed}. Check the spelling (keys are snake_case).',
    hintZh: '此处允许的字段：{allowed}。请检查拼写（键名使用 snake_case）。',
  },
  'DLV-E023': { en: '"{field}" must be {expected}, found {actual}', zh: '"{field}" 应为 {expected}，实际为 {actual}' },
  'DLV-E024': { en: '"{field}" must be one of {allowed}, found "{value}"', zh: '"{field}" 必须是 {allowed} 之一，实际为 "{value}"' },
  'DLV-E025': {
    en: '"{field}" is not a real calendar date in YYYY-MM-DD form: "{value}"',
    zh: '"{field}" 不是有效的 YYYY-MM-DD 日期："{value}"',
    hintEn: 'Use an existing date such as 2026-02-28; no time and no time zone.',
    hintZh: '请使用真实存在的日期，例如 2026-02-28；不带时间和时区。',
  },
  'DLV-E026': { en: '"{field}" is not in the expected form ({form}): "{value}"', zh: '"{field}" 格式不正确（应为 {form}）："{value}"' },
  'DLV-E027': { en: '"{field}" must be {comparison} {limit}, found {value}', zh: '"{field}" 必须 {comparison} {limit}，实际为 {value}' },
  'DLV-E028': { en: '"{field}" must have {comparison} {limit} characters', zh: '"{field}" 的长度必须 {comparison} {limit} 个字符' },
  'DLV-E029': { en: '"{field}": {message}', zh: '"{field}"：{message}' },

  'DLV-I030': {
    en: '… and {n} more findings in this file',
    zh: '……该文件还有 {n} 条问题',
    hintEn: 'Fix the ones above first: they are often the cause of the rest.',
    hintZh: '请先修复以上问题，其余问题常由它们引起。',
  },

  // --- ids and references: E040–E049 ---
  'DLV-E040': {
    en: 'id {id} is also used by {other}',
    zh: '编号 {id} 与 {other} 重复',
    hintEn:
      'Two branches probably both added "the next" id. Run `deliver renumber {id} --in {file}` to give this record the next free id and update every reference (references to it stay with the other copy; `--ref-from <id>` moves those held by the given records).',
    hintZh:
      '可能是两个分支同时新增了“下一个”编号。运行 `deliver renumber {id} --in {file}` 为此记录分配新编号并更新所有引用（对该编号的引用仍指向另一条记录；`--ref-from <编号>` 可把指定记录中的引用一并改过来）。',
  },
  'DLV-E041': {
    en: 'the file name does not begin with the record id {id}',
    zh: '文件名没有以记录编号 {id} 开头',
    hintEn: 'Rename the file to {expected}.',
    hintZh: '请将文件改名为 {expected}。',
  },
  'DLV-E042': {
    en: '"{field}" refers to {id}, which does not exist',
    zh: '"{field}" 引用的 {id} 不存在',
    hintEn: 'Create {id} or correct the reference.',
    hintZh: '请创建 {id} 或更正该引用。',
  },
  'DLV-I045': {
    en: 'references to records in {file} could not be checked: the file could not be read',
    zh: '无法检查指向 {file} 中记录的引用：该文件无法读取',
    hintEn: 'Fix the file; its references are checked again then.',
    hintZh: '修正该文件后会重新检查这些引用。',
  },
  'DLV-W043': {
    en: 'id {id} does not match the month received ({received})',
    zh: '编号 {id} 与接收月份（{received}）不一致',
    hintEn: 'Requirement ids begin with the year and month of intake.',
    hintZh: '需求编号应以接收的年月开头。',
  },
  'DLV-E044': {
    en: 'the record is in the wrong folder for a {kind} id',
    zh: '{kind} 记录放错了目录',
    hintEn: 'Move it to {folder}/.',
    hintZh: '请移到 {folder}/ 目录。',
  },

  // --- manifest and calendar: E050–E059 ---
  'DLV-E050': { en: '"{field}" {date} is before the project start {start}', zh: '"{field}" {date} 早于项目开始日期 {start}' },
  'DLV-E054': {
    en: '{id} cannot be scheduled: {message}',
    zh: '{id} 无法排期：{message}',
    hintEn:
      'The work before it reaches more than 100 years from the project start, or the calendar has no working days: check days, remaining and calendar: in deliver.yaml.',
    hintZh: '前序工作超出项目开始日期前后 100 年，或日历中没有工作日：请检查 days、remaining 和 deliver.yaml 的 calendar:。',
  },
  'DLV-W051': {
    en: '{date} is listed both as a day off and as a working day',
    zh: '{date} 同时被列为休息日和工作日',
    hintEn: 'Keep it in one list; the make-up working day wins.',
    hintZh: '请只保留在一个列表中；当前以调休上班为准。',
  },
  'DLV-W052': {
    en: 'the plan reaches {year}, for which the {base} calendar has no holiday data',
    zh: '计划延伸到 {year} 年，而 {base} 日历没有该年的节假日数据',
    hintEn: "Add that year's public holidays and make-up working days under calendar: in deliver.yaml.",
    hintZh: '请在 deliver.yaml 的 calendar: 下补充该年的法定节假日和调休上班日。',
  },
  'DLV-W053': {
    en: 'the plan reaches {year}, for which the {base} calendar has only provisional data (statutory holidays, no make-up working days)',
    zh: '计划延伸到 {year} 年，而 {base} 日历该年只有暂定的法定节假日，没有调休安排',
    hintEn:
      'When the official arrangement for {year} is published, add its extra days off and make-up working days under calendar: in deliver.yaml.',
    hintZh: '{year} 年放假安排公布后，请在 deliver.yaml 的 calendar: 下补充调休上班日和额外休息日。',
  },

  // --- plan: E060–E079 ---
  'DLV-E060': {
    en: 'dependency cycle: {cycle}',
    zh: '依赖关系成环：{cycle}',
    hintEn: 'Remove one of the dependencies in the cycle.',
    hintZh: '请删除环中的某一条依赖。',
  },
  'DLV-E061': { en: '"{endField}" {end} is before "{startField}" {start}', zh: '"{endField}" {end} 早于 "{startField}" {start}' },
  'DLV-W062': {
    en: 'both "days" and "end" are given; "days" is used',
    zh: '同时给出了 "days" 和 "end"，以 "days" 为准',
    hintEn: 'Keep one of them.',
    hintZh: '请只保留其中一个。',
  },
  'DLV-E071': {
    en: '"{field}" {date} is after the report date {asOf}',
    zh: '"{field}" {date} 晚于报告日期 {asOf}',
    hintEn: 'Record what has happened, on the day it happened (give --date, or --as-of for the report date).',
    hintZh: '请按实际发生的日期记录（用 --date 指定日期，或用 --as-of 指定报告日期）。',
  },
  'DLV-E072': {
    en: '"{field}" {date} is before the project start {start}',
    zh: '"{field}" {date} 早于项目开始日期 {start}',
    hintEn: 'Check the date; if the project really began earlier, correct "start" in deliver.yaml.',
    hintZh: '请核对日期；如项目确实更早开始，请修改 deliver.yaml 中的 "start"。',
  },
  'DLV-W073': {
    en: '{id} is planned to start {date}, before the project start {start}; it is scheduled from the project start',
    zh: '{id} 计划开始日期 {date} 早于项目开始日期 {start}，排期按项目开始日期计算',
    hintEn: 'Move "start" on or after the project start, or correct the project start in deliver.yaml.',
    hintZh: '请把 "start" 调整到项目开始日期之后，或修改 deliver.yaml 中的项目开始日期。',
  },
  'DLV-W074': {
    en: '{id}: "{field}" {date} is before {dep}, which it depends on, ended ({end})',
    zh: '{id} 的 "{field}" {date} 早于其前置任务 {dep} 的完成日期（{end}）',
    hintEn: 'Check the dates, or whether the dependency is real.',
    hintZh: '请核对日期，或确认该依赖关系是否成立。',
  },
  'DLV-E063': { en: '{id} depends on itself', zh: '{id} 依赖了自身' },
  'DLV-W064': {
    en: 'status is done but no actual_end is recorded',
    zh: '状态为已完成，但没有记录实际完成日期',
    hintEn: 'Run `deliver task done {id} --date <date>`.',
    hintZh: '请运行 `deliver task done {id} --date <日期>`。',
  },
  'DLV-E065': {
    en: 'actual_end is set but the status is {status}',
    zh: '已填写实际完成日期，但状态为 {status}',
    hintEn: 'Set status: done, or run `deliver task reopen {id}` to clear the end.',
    hintZh: '请把状态改为 done，或运行 `deliver task reopen {id}` 清除完成日期。',
  },
  'DLV-W066': {
    en: 'the task is blocked but no reason is given',
    zh: '任务处于阻塞状态，但没有说明原因',
    hintEn: 'Add blocked_reason so the weekly sync can escalate it.',
    hintZh: '请填写 blocked_reason，便于周会升级处理。',
  },
  'DLV-W067': {
    en: 'neither "days" nor "end" is given; the task is planned as 1 working day',
    zh: '未给出 "days" 或 "end"，按 1 个工作日计划',
  },
  'DLV-W068': { en: 'baseline name "{name}" is used more than once', zh: '基线名称 "{name}" 重复' },
  'DLV-E069': { en: 'a task or milestone id may not be listed twice in one baseline: {id}', zh: '同一基线中重复列出 {id}' },
  'DLV-E070': { en: 'a milestone depends on itself through {id}', zh: '里程碑通过 {id} 依赖了自身' },

  // --- risks, changes, acceptance: E080–E099 ---
  'DLV-E080': {
    en: 'round {n} comes after a passing round',
    zh: '第 {n} 轮验收位于已通过的验收之后',
    hintEn: 'A passed acceptance is final; record new work as a new acceptance record.',
    hintZh: '验收通过即为最终结果；后续交付请新建验收记录。',
  },
  'DLV-E081': {
    en: 'round {n} ({date}) is earlier than round {prev} ({prevDate})',
    zh: '第 {n} 轮（{date}）早于第 {prev} 轮（{prevDate}）',
    hintEn: 'List rounds in date order.',
    hintZh: '请按日期顺序列出各轮验收。',
  },
  'DLV-E082': {
    en: 'failed round {n} gives no reason',
    zh: '第 {n} 轮验收不通过但未说明原因',
    hintEn: 'Add reasons: the rectification items the customer named.',
    hintZh: '请补充 reasons：客户提出的整改项。',
  },
  'DLV-E083': { en: 'round {n} ({date}) is before the delivery date {delivered}', zh: '第 {n} 轮（{date}）早于交付日期 {delivered}' },
  'DLV-E084': {
    en: 'the slip is {status} but has no {side} approval',
    zh: '变更单状态为 {status}，但缺少{side}审批',
    hintEn: 'Both the customer and the internal owner must approve: `deliver change approve {id} --as {side} --by <name>`.',
    hintZh: '需客户与内部负责人双方审批：`deliver change approve {id} --as {side} --by <姓名>`。',
  },
  'DLV-E085': {
    en: 'status and the applied record disagree (status {status})',
    zh: '状态与应用记录不一致（状态 {status}）',
    hintEn: 'An applied slip has status applied and an applied: section; use `deliver change apply`.',
    hintZh: '已应用的变更单应为 applied 状态并带有 applied: 记录；请使用 `deliver change apply`。',
  },
  'DLV-E086': { en: 'the slip is rejected but no rejection is recorded', zh: '变更单已拒绝，但没有拒绝记录' },
  'DLV-E087': {
    en: 'the risk is closed but action {n} is neither done nor waived',
    zh: '风险已关闭，但第 {n} 项措施既未完成也未豁免',
    hintEn: 'Mark it done (`deliver risk act {id} {n} --done`) or give a waived: reason.',
    hintZh: '请标记完成（`deliver risk act {id} {n} --done`）或填写 waived: 原因。',
  },
  'DLV-W088': { en: 'the risk is closed but no closing date is recorded', zh: '风险已关闭，但没有关闭日期' },
  'DLV-E089': {
    en: '"{field}" {date} is before the risk was identified ({identified})',
    zh: '"{field}" {date} 早于风险识别日期 {identified}',
  },
  'DLV-E090': { en: 'the slip has a rejection recorded but its status is {status}', zh: '变更单有拒绝记录，但状态为 {status}' },
  'DLV-W092': {
    en: 'action {n} is due {due}, before the risk was identified ({identified})',
    zh: '第 {n} 项措施的到期日 {due} 早于风险识别日期 {identified}',
  },
  'DLV-E091': { en: 'approval date {date} is before the slip was submitted ({submitted})', zh: '审批日期 {date} 早于提交日期 {submitted}' },

  'DLV-W093': {
    en: 'dimension "{dim}" is not one a {audience} survey scores ({known})',
    zh: '维度“{dim}”不在这类调查可评的维度中（{known}）',
    hintEn: "Check the spelling, or name the project's own dimension under survey_dimensions in deliver.yaml (key: name).",
    hintZh: '请检查拼写，或在 deliver.yaml 的 survey_dimensions 下登记项目自己的维度（键: 名称）。',
  },
  // --- meetings: E170–E179 ---
  'DLV-E170': {
    en: 'action {n} was done {done}, before the meeting ({date})',
    zh: '第 {n} 项行动项的完成日期 {done} 早于会议日期 {date}',
    hintEn: 'An action item is carried out on or after the meeting that gave it out.',
    hintZh: '行动项的完成日期应不早于布置它的会议日期。',
  },
  'DLV-W171': { en: 'action {n} is due {due}, before the meeting ({date})', zh: '第 {n} 项行动项的截止日期 {due} 早于会议日期 {date}' },
  'DLV-W172': {
    en: 'only a retrospective records highlights, problems and improvements (this meeting is {kind})',
    zh: '只有复盘会记录亮点、问题和改进措施（本次会议类型为 {kind}）',
  },

  // --- signed acceptance and rectification items: E180–E189 ---
  'DLV-W180': {
    en: 'the final pass in round {n} has no customer signature and date: it accepts no requirement',
    zh: '第 {n} 轮最终验收通过但缺少客户签字和日期：不能据此将需求标记为验收通过',
    hintEn: 'Record who signed the acceptance form and when (signed_by, signed_on).',
    hintZh: '请记录客户在验收表上签字的人和日期（signed_by、signed_on）。',
  },
  'DLV-E181': {
    en: 'round {n} was signed {signed}, before the round itself ({date})',
    zh: '第 {n} 轮的客户签字日期 {signed} 早于验收日期 {date}',
  },
  'DLV-E182': {
    en: 'rectification item {n} names round {round}, which is not a failed round of this record',
    zh: '第 {n} 项整改引用的第 {round} 轮不是本记录中未通过的验收轮次',
  },
  'DLV-E183': {
    en: 'rectification item {n}: "{field}" {date} is before its round ({roundDate})',
    zh: '第 {n} 项整改："{field}" {date} 早于所属验收轮次（{roundDate}）',
  },
  'DLV-E184': {
    en: 'rectification item {n} is verified before it was fixed',
    zh: '第 {n} 项整改的复核早于整改完成',
    hintEn: 'Record the fix (fixed) first; verification comes on or after it.',
    hintZh: '请先记录整改完成日期（fixed），复核日期应不早于它。',
  },
  'DLV-E185': {
    en: 'round {n} is a final pass while rectification items {items} of an earlier round are neither verified nor accepted open',
    zh: '第 {n} 轮最终验收通过，但之前轮次的整改项 {items} 既未复核也未经客户接受遗留',
    hintEn:
      'Verify them (`deliver accept rectify <id> <n> --verified-by …`) or record that the customer accepts them open (`--accept-open`).',
    hintZh: '请先复核（`deliver accept rectify <编号> <序号> --verified-by …`），或记录客户接受遗留（`--accept-open`）。',
  },
  'DLV-E186': {
    en: 'rectification item {n} gives a verification date without the verifier, or the other way round',
    zh: '第 {n} 项整改的复核人与复核日期须同时填写',
  },

  // --- requirements: E100–E119 ---
  'DLV-E100': {
    en: 'the requirement is accepted but no acceptance record has a signed passing final round for it',
    zh: '需求已标记为验收通过，但没有任何验收记录对其最终验收通过并经客户签字',
    hintEn: 'Record the passing round with `deliver accept round <AC-id> --result pass`.',
    hintZh: '请用 `deliver accept round <AC编号> --result pass` 记录通过的验收。',
  },
  'DLV-E101': {
    en: 'history entry {n} ({date}) is earlier than the entry before it ({prevDate})',
    zh: '第 {n} 条状态记录（{date}）早于前一条（{prevDate}）',
  },
  'DLV-E102': {
    en: 'status is {status} but the last history move is to {to}',
    zh: '状态为 {status}，但最后一次状态变更为 {to}',
    hintEn: 'Use `deliver req move` so status and history stay together.',
    hintZh: '请使用 `deliver req move`，使状态与历史保持一致。',
  },
  'DLV-E103': {
    en: '"{field}" {date} is before the request was received ({received})',
    zh: '"{field}" {date} 早于需求接收日期 {received}',
  },
  'DLV-W104': {
    en: 'status is {status} but no customer confirmation is recorded',
    zh: '状态为 {status}，但没有客户确认记录',
    hintEn: 'Record who confirmed scope and dates, when and how (confirmation: by, date, method).',
    hintZh: '请记录客户确认的人、时间和方式（confirmation: by、date、method）。',
  },
  'DLV-W106': {
    en: 'accepted on {accepted}, {n} working days ago, and not archived (due within {days})',
    zh: '需求已于 {accepted} 验收通过（{n} 个工作日前），尚未归档（应在 {days} 个工作日内）',
    hintEn: 'Archive its documents: deliver req archive <id> --number <archive no.> (sla.archive_days in deliver.yaml sets the deadline).',
    hintZh: '请归档需求文档：deliver req archive <编号> --number <归档编号>（期限由 deliver.yaml 的 sla.archive_days 设定）。',
  },
  'DLV-W107': {
    en: 'the archive checklist lacks: {docs}',
    zh: '归档清单缺少：{docs}',
    hintEn:
      'List each document (registration, analysis, feasibility, plan, confirmation, acceptance) as present, linked or not_applicable, and the archive date (archived).',
    hintZh:
      '请逐项列出各文档（登记表、分析说明书、可行性评估报告、处理方案、确认记录、验收表）为 present、linked 或 not_applicable，并填写归档日期（archived）。',
  },
  'DLV-E105': {
    en: 'history moves from {from} to {to}, which the lifecycle does not allow',
    zh: '状态从 {from} 变为 {to}，不符合需求生命周期',
  },
  // --- after-sales and communication: 160–169 ---
  'DLV-W160': {
    en: 'two primary contacts on the {side} side: {name} and {first}',
    zh: '{side} 方有两名主要联系人：{name} 和 {first}',
    hintEn: 'Name one primary contact per side (deliver team update <name> --primary moves the flag).',
    hintZh: '每一方只指定一名主要联系人（deliver team update <姓名> --primary 可转移该标记）。',
  },
  'DLV-W161': {
    en: 'promised report "{name}" was not sent for {n} past period(s): {periods}',
    zh: '承诺的报告"{name}"有 {n} 个已过周期未发送：{periods}',
    hintEn: 'Log reports as they are sent: deliver report sent --week <week> (or --month).',
    hintZh: '报告发出后请登记：deliver report sent --week <周>（或 --month）。',
  },
  'DLV-W162': {
    en: 'promised meeting "{name}" was not held in {n} past period(s): {periods}',
    zh: '承诺的会议"{name}"有 {n} 个已过周期未召开：{periods}',
  },
  'DLV-E163': { en: '{field} ({date}) is before the ticket was opened ({opened})', zh: '{field}（{date}）早于工单受理日期（{opened}）' },
  'DLV-E164': {
    en: '{id} is closed but not resolved',
    zh: '{id} 已关闭但没有解决记录',
    hintEn: 'A ticket is closed after its resolution, once the customer confirms: add "resolved:".',
    hintZh: '工单须先解决、经客户确认后关闭：请补充 "resolved:"。',
  },
  'DLV-E165': { en: 'closed ({date}) before it was resolved ({resolved})', zh: '关闭日期（{date}）早于解决日期（{resolved}）' },
});
