// mkfifo for tests (Node has no API for it): uses the system command when present.
import { spawnSync } from 'node:child_process';

export function mkfifoSync(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}
