// Types for scripts/model-types.mjs (used by the schema drift test).
export declare const TYPES: [string, string][];
export declare function generateModelTypes(root: string): Promise<Record<string, string>>;
