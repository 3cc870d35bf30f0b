// js-yaml 4 (installed as js-yaml-v4) ships no types; we use only load with the core schema.
declare module 'js-yaml-v4' {
  interface Schema {
    readonly __schema: unique symbol;
  }
  const yaml: {
    load(source: string, options?: { schema?: Schema; filename?: string; json?: boolean }): unknown;
    CORE_SCHEMA: Schema;
  };
  export default yaml;
}
