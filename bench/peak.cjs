// Preloaded into every timed process: reports its peak resident memory (KiB) on fd 3 at exit.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // not run by the benchmark: nothing to report to
  }
});
