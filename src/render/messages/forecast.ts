// Messages of the forecast and the checked writes (milestone done/update/show, task update/remove,
// refusals before writing), English and Chinese with identical keys.
export const en: Record<string, string> = {
  'forecast.notice.provisional': 'note: the forecast reaches {year}, for which the {base} calendar has only provisional holidays (no make-up working days yet); dates in {year} may move',
  'forecast.notice.missing': 'note: the forecast reaches {year}, for which the {base} calendar has no holiday data; dates in {year} count weekdays only',
  'write.refused': 'refused: the change would introduce {n} error(s); nothing was written',
};
export const zh: Record<keyof typeof en, string> = {
  'forecast.notice.provisional': '注意：预测延伸到 {year} 年，{base} 日历该年只有暂定的法定节假日（尚无调休安排），{year} 年的日期可能变动',
  'forecast.notice.missing': '注意：预测延伸到 {year} 年，{base} 日历没有该年的节假日数据，{year} 年只按周一至周五计算',
  'write.refused': '已拒绝：此修改会引入 {n} 个错误，未写入任何内容',
};
