/**
 * The part of citation-js (`@citation-js/core` and its format plugins, which ship no types) that the citation
 * export uses: a `Cite` over CSL-JSON items, formatted by name, and the plugins' configuration.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: object | object[]);
    format(name: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: string): Record<string, Record<string, unknown>> };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
