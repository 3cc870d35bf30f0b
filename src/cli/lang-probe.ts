// The output language before anything is loaded, so help, usage errors and flag checks speak the
// project's language too: --lang, else the `language:` line of the nearest deliver.yaml (-C or
// upward from the working folder, read as text: no parser at start-up), else the locale.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chooseLang, isLang, type Lang } from '../render/i18n.js';
import { findProjectRoot, isProjectRoot } from '../store/files.js';

/** The value of a flag in argv (`--lang x`, `--lang=x`, `-Cx`), the last one given. */
function flagValue(argv: readonly string[], long: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === long || (short && a === short)) value = argv[++i];
    else if (a.startsWith(`${long}=`)) value = a.slice(long.length + 1);
    else if (short && a.startsWith(short) && a.length > short.length && !a.startsWith('--')) value = a.slice(short.length);
  }
  return value;
}

/** The language of the project's deliver.yaml, when one is found and says. */
export function manifestLanguage(cwd: string, dir: string | undefined): Lang | undefined {
  try {
    const root = dir !== undefined ? (isProjectRoot(resolve(cwd, dir)) ? resolve(cwd, dir) : null) : findProjectRoot(cwd);
    if (!root) return undefined;
    // Non-blocking and regular files only: a FIFO or device named deliver.yaml must not hang us.
    const fd = openSync(join(root, 'deliver.yaml'), constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
    let text = '';
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      const buf = Buffer.alloc(64 * 1024);
      text = buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0));
    } finally {
      closeSync(fd);
    }
    const m = /^language:[ \t]*["']?(zh-CN|en)["']?[ \t]*(#.*)?$/m.exec(text);
    return m && isLang(m[1]) ? m[1] : undefined;
  } catch {
    return undefined;
  }
}

export function probeLang(argv: readonly string[], cwd: string, env: Record<string, string | undefined>): Lang {
  const flag = flagValue(argv, '--lang');
  if (isLang(flag)) return flag;
  return chooseLang(undefined, manifestLanguage(cwd, flagValue(argv, '--dir', '-C')), env);
}
