// Types of generate.mjs, for the tests that use its seeded generator and projects.
/** mulberry32: the same numbers for the same seed. */
export function rng(seed: number): () => number;
export const GENERATOR_VERSION: number;
export function isCurrent(dir: string): boolean;
export function generateProject(dir: string, tasks: number, seed?: number): void;
export function generatePortfolio(dir: string, projects: number, tasks: number, seed?: number): void;
