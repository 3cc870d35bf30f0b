#!/usr/bin/env node
// Thin shim: `--version` is answered without loading anything; everything else runs the bundle
// (dist/main.cjs, through the code cache the build made: see load-bundle.cjs). CommonJS on purpose:
// an ES module entry would start Node's module loader, which costs start-up time and is not needed.
// The name stays `deliver.js` (bin/package.json makes .js CommonJS here): `npx deliver` run inside
// a clone installs the clone into npm's npx cache once and never refreshes its bin links, so a
// renamed bin file leaves every earlier user (and CI) with a dangling link: "deliver: not found".
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// Last line of defence (CLI.md: exit 70 for a bug, no stack trace unless DELIVER_DEBUG=1), for
// errors thrown outside the command's promise chain, e.g. inside a prompt's key handler.
function crash(e) {
  // A reader that stopped reading (`deliver kpi | head -3`) is not a bug: end quietly, as cat does.
  if (e && e.code === 'EPIPE') process.exit(0);
  const msg = String(e?.message || e).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  process.stderr.write(
    `deliver: internal error: ${msg}\n  hint: This is a bug in deliver. Run again with DELIVER_DEBUG=1 to see the stack trace and report it.\n`,
  );
  if (process.env.DELIVER_DEBUG === '1' && e && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(70);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
process.stdout.on('error', crash);

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V' || args[0] === '-v')) {
  process.stdout.write(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version + '\n');
} else {
  let bundle;
  try {
    const forHelp = args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help';
    bundle = require('./load-bundle.cjs').loadBundle(join(__dirname, '..', 'dist'), { forHelp }).exports;
  } catch (e) {
    if (e && e.code === 'ENOENT' && String(e.path || '').endsWith('main.cjs')) {
      process.stderr.write('deliver: not built yet; run `npm install` (or `npm run build`) in the deliver folder first\n');
      process.exit(70);
    }
    throw e;
  }
  bundle.main(args).then((code) => {
    process.exitCode = code;
  }, crash);
}
