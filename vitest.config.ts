import { defineConfig } from 'vitest/config';

// Tests fix the clock and the time zone: reports are reproducible only when the date is an input.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai', DELIVER_AS_OF: '2026-11-20', NO_COLOR: '1', LANG: 'en_US.UTF-8', DELIVER_CACHE: '0' },
    testTimeout: 60000,
    hookTimeout: 60000,
    pool: 'forks',
  },
});
