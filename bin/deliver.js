#!/usr/bin/env node
// Thin shim: `--version` is answered without loading anything; everything else runs the bundle.
import { readFileSync } from 'node:fs';

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
  const code = await mod.main(args);
  process.exitCode = code;
}
