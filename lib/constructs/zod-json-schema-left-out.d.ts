import type { Plugin } from 'esbuild';

/** The esbuild plugin that leaves Zod's JSON Schema converters out of a bundle (see the .js file). */
export function zodJsonSchemaLeftOut(): Plugin;
/** The names a module's source exports. */
export function exportedNames(source: string): string[];
/** A module exporting `names`, each failing when used. */
export function stubModule(names: readonly string[]): string;
/** What the left-out converters throw. */
export const ZOD_JSON_SCHEMA_MESSAGE: string;
