#!/usr/bin/env node
// Thin shim: `--version` is answered without loading anything; everything else runs the bundle.
import { readFileSync } from 'node:fs';

// Last line of defence (CLI.md: exit 70 for a bug, no stack trace unless DELIVER_DEBUG=1), for
// errors thrown outside the command's promise chain, e.g. inside a prompt's key handler.
function crash(e) {
  const msg = String((e && e.message) || e).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  process.stderr.write(`deliver: internal error: ${msg}\n  hint: This is a bug in deliver. Run again with DELIVER_DEBUG=1 to see the stack trace and report it.\n`);
  if (process.env.DELIVER_DEBUG === '1' && e && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(70);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  let mod;
  try {
    mod = await import('../dist/main.js');
  } catch (e) {
    if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/main.js')) {
      process.stderr.write('deliver: not built yet; run `npm install` (or `npm run build`) in the deliver folder first\n');
      process.exit(70);
    }
    throw e;
  }
  process.exitCode = await mod.main(args);
}
