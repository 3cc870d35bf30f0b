// Messages of `deliver diff` and `deliver renumber`, English and Chinese with identical keys.
export const en: Record<string, string> = {};
export const zh: Record<keyof typeof en, string> = {};
