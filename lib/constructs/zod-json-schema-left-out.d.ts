import type { Plugin } from 'esbuild';

/** The esbuild plugin that leaves Zod's JSON Schema converters out of a bundle (see the .js file). */
export function zodJsonSchemaLeftOut(): Plugin;
/** What the left-out converters throw. */
export const ZOD_JSON_SCHEMA_MESSAGE: string;
