// Messages of the weekly report's audiences (`report weekly --audience`), English and Chinese.
export const en: Record<string, string> = {
  'wk.todo': 'What your team is responsible for',
  'wk.todoTask': '{owner}: {name} ({id}), {status}, planned to finish on {by}.',
  'wk.todoTaskLate': '{owner}: {name} ({id}), {status}, was planned to finish on {by} and is late.',
  'wk.todoAction': '{owner}: {text} (risk {id}, action {n}), due on {by}.',
  'wk.todoActionLate': '{owner}: {text} (risk {id}, action {n}), was due on {by} and is overdue.',
  'wk.todoActionNoBy': '{owner}: {text} (risk {id}, action {n}).',
  'wk.todoNone': 'No open tasks or actions are assigned to your team.',
  'exp.label': '{header} (label)',
  'exp.h.affects': 'Affects',
};
export const zh: Record<string, string> = {
  'wk.todo': '贵方人员负责的事项',
  'wk.todoTask': '{owner}：{name}（{id}），{status}，计划于{by}完成。',
  'wk.todoTaskLate': '{owner}：{name}（{id}），{status}，原计划于{by}完成，已延期。',
  'wk.todoAction': '{owner}：{text}（风险 {id} 第 {n} 项措施），请于{by}前完成。',
  'wk.todoActionLate': '{owner}：{text}（风险 {id} 第 {n} 项措施），原定{by}完成，已逾期。',
  'wk.todoActionNoBy': '{owner}：{text}（风险 {id} 第 {n} 项措施）。',
  'wk.todoNone': '目前没有分配给贵方人员的未完成任务或措施。',
  'exp.label': '{header}（名称）',
  'exp.h.affects': '影响方面',
};
