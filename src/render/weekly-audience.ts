// The customer's version of the weekly report: the section listing what the customer's own people
// must do (their open tasks and risk actions), one sentence each.
import type { CustomerTodo } from '../core/weekly-audience.js';
import { formatDate, type Fmt } from './kpi.js';
import type { Section } from './weekly-md.js';

export function customerTodoSection(todo: readonly CustomerTodo[], f: Fmt, x: (v: unknown) => string): Section {
  const t = f.t;
  const d = (iso: string | undefined) => formatDate(f, iso, true);
  const items = todo.map((a) => ({
    text:
      a.kind === 'task'
        ? t(a.late ? 'wk.todoTaskLate' : 'wk.todoTask', {
            owner: x(a.owner),
            name: x(a.name),
            id: x(a.id),
            by: d(a.end),
            status: t(`task.status.${a.status}`),
          })
        : t(a.late ? 'wk.todoActionLate' : a.due ? 'wk.todoAction' : 'wk.todoActionNoBy', {
            owner: x(a.owner),
            text: x(a.text),
            id: x(a.id),
            n: a.number,
            by: d(a.due),
          }),
  }));
  return items.length ? { title: t('wk.todo'), items } : { title: t('wk.todo'), paragraphs: [t('wk.todoNone')] };
}
