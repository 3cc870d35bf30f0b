// English counts take the right form ("1 warning", "1 of 1 task is complete"); Chinese has none.
import { describe, expect, it } from 'vitest';
import { fill, translator } from '../../src/render/i18n.js';
import { MESSAGES } from '../../src/render/messages/index.js';

describe('plural forms', () => {
  it('choose singular for 1 (and -1) and plural otherwise', () => {
    expect(fill('{n} {n|task|tasks}', { n: 1 })).toBe('1 task');
    expect(fill('{n} {n|task|tasks}', { n: 0 })).toBe('0 tasks');
    expect(fill('moves {d} working {d|day|days}', { d: '-1' })).toBe('moves -1 working day');
    expect(fill('{x|a|b}', {})).toBe('{x|a|b}');
  });

  it('are right in the messages that count', () => {
    const t = translator('en');
    expect(t('validate.summary', { files: 1, errors: 1, warnings: 1 })).toBe('1 file checked: 1 error, 1 warning');
    expect(t('validate.summary', { files: 3, errors: 0, warnings: 2 })).toBe('3 files checked: 0 errors, 2 warnings');
    expect(t('wk.progress', { done: 1, planned: 1, total: 1, daysDone: 1, daysPlanned: 1 })).toBe(
      '1 of 1 task planned to date is complete (1 task in all); 1 of 1 planned working day of work is done.',
    );
  });

  it('are never left as syntax in Chinese', () => {
    for (const v of Object.values(MESSAGES.zh)) expect(v).not.toMatch(/\{\w+\|/);
  });
});
