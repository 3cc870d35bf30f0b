// Messages of git integration: `deliver merge-driver`, `deliver doctor` and what init says about git.
export const en: Record<string, string> = {
  'merge.renumbered': '{file}: both branches added {old}; the incoming one is now {new}',
  'merge.references': 'references that followed: {refs}',
  'merge.conflict': '{file}: cannot merge by record id ({at}); git conflict markers written',
  'doctor.ok': 'git merge driver: set up ({driver})',
  'doctor.noGit': 'not in a git repository: the merge driver is not needed',
  'doctor.noDriver': 'git merge driver: not set up; run: {command}',
  'doctor.noAttributes': '{file} does not mark the YAML records with merge=deliver; add the line: {line}',
  'doctor.allGood': 'all checks passed',
  'doctor.schemasOk': 'editor schemas (.deliver/schemas): current',
  'doctor.schemasStale': 'editor schemas (.deliver/schemas): {n} missing or outdated ({files}); run: deliver doctor --fix',
  'doctor.schemasFixed': 'editor schemas (.deliver/schemas): {n} rewritten ({files})',
  'init.gitAttributes': 'Wrote {file} (*.yaml merge=deliver). To merge records by id in git, run once in this repository:',
};
export const zh: Record<string, string> = {
  'merge.renumbered': '{file}：两个分支都添加了 {old}；合入的一方已改为 {new}',
  'merge.references': '随之更新的引用：{refs}',
  'merge.conflict': '{file}：无法按记录编号合并（{at}），已写入 git 冲突标记',
  'doctor.ok': 'git 合并驱动：已配置（{driver}）',
  'doctor.noGit': '不在 git 仓库中，无需合并驱动',
  'doctor.noDriver': 'git 合并驱动：未配置；请运行：{command}',
  'doctor.noAttributes': '{file} 没有为 YAML 记录标记 merge=deliver；请添加这一行：{line}',
  'doctor.allGood': '全部检查通过',
  'doctor.schemasOk': '编辑器校验文件（.deliver/schemas）：已是最新',
  'doctor.schemasStale': '编辑器校验文件（.deliver/schemas）：{n} 个缺失或过时（{files}）；请运行：deliver doctor --fix',
  'doctor.schemasFixed': '编辑器校验文件（.deliver/schemas）：已重写 {n} 个（{files}）',
  'init.gitAttributes': '已写入 {file}（*.yaml merge=deliver）。要在 git 中按记录编号合并，请在本仓库中运行一次：',
};
