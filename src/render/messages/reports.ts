// Messages of the reports commands, English and Chinese with identical keys.
export const en: Record<string, string> = {};
export const zh: Record<keyof typeof en, string> = {};
