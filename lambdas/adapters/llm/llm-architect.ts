import { MANIFEST_TOOL_SCHEMA } from './tool-schemas.generated';
import { APP_KINDS, FEATURES, isAppKindId, isFeatureId } from '../../domain/architect/catalog';
import { themeFor } from '../../domain/architect/themes';
import { GantryManifestSchema, type GantryManifest } from '../../domain/manifest';
import type { ArchitectPort } from '../../domain/ports';
import type { LlmClient } from './llm-client';

const STACK = 'static-web';

export const ARCHITECT_SYSTEM_PROMPT = `You are the architect of Gantry, an AI software factory. You write complete, small web apps that are built and tested in an isolated builder with no network.

Answer only by calling the gantry_manifest tool. The manifest must satisfy all of this:
- stack "${STACK}"; audit_command "npm test"; build_command "npm run build"; output_dir "dist".
- No dependencies at all: package.json has "type": "module", scripts {"test": "node --test", "build": "node build.mjs"} and no dependencies or devDependencies.
- index.html, styles.css and JavaScript ES modules under src/; every link in index.html is relative ("./styles.css"), so the app works under a sub-path.
- Logic lives in pure modules under src/ with unit tests in test/*.test.js using node:test and node:assert/strict; src/main.js only wires the page.
- build.mjs copies index.html, styles.css and src/ into dist/ with node:fs and fails (exit 1) when a referenced file is missing.
- Data stays in the browser (localStorage). No network calls, no eval, no innerHTML with user text, no secrets.
- At most 30 files; each file's content is the complete text of the file.`;

function describeRequest(input: Parameters<ArchitectPort['draft']>[0]): string {
  const lines = [`Request: ${input.prompt}`];
  if (input.kind && isAppKindId(input.kind))
    lines.push(`App kind: ${APP_KINDS[input.kind].phrase}. ${APP_KINDS[input.kind].description}`);
  const features = (input.features ?? []).filter(isFeatureId);
  if (features.length > 0) {
    lines.push(`Features (all required): ${features.map((f) => `${FEATURES[f].title} (${FEATURES[f].description})`).join('; ')}`);
  }
  const theme = themeFor(input.designTarget ?? null);
  if (theme)
    lines.push(`Look and behaviour: ${theme.name}: ${theme.traits.join('; ')}. Put data-design-target="${theme.id}" on <html>.`);
  return lines.join('\n');
}

/** The manifest a model returned, with the fields the factory owns set to the factory's values. */
function normalize(manifest: GantryManifest): GantryManifest {
  return GantryManifestSchema.parse({
    ...manifest,
    stack: STACK,
    audit_command: 'npm test',
    build_command: 'npm run build',
    output_dir: 'dist',
    files: manifest.files.map((f) => ({ path: f.path, content: f.content })),
  });
}

/** The architect behind the LLM boundary: drafts and heals manifests with a model; the policy gate and the builder check the result. */
export class LlmArchitect implements ArchitectPort {
  readonly name: string;

  constructor(private readonly llm: LlmClient) {
    this.name = `${llm.provider}:${llm.model}`;
  }

  async draft(input: Parameters<ArchitectPort['draft']>[0]): Promise<GantryManifest> {
    const { value, usage } = await this.llm.structured({
      purpose: 'architect',
      system: ARCHITECT_SYSTEM_PROMPT,
      messages: [{ role: 'user', content: describeRequest(input) }],
      schema: GantryManifestSchema,
      toolSchema: MANIFEST_TOOL_SCHEMA,
      toolName: 'gantry_manifest',
      toolDescription: 'The complete app: every file and the commands that test and build it.',
      maxTokens: 16_000,
    });
    input.onUsage?.(usage);
    return normalize(value);
  }

  async heal(input: Parameters<ArchitectPort['heal']>[0]): Promise<GantryManifest | null> {
    const files = input.manifest.files
      .filter((f) => f.encoding !== 'base64')
      .map((f) => `--- ${f.path}\n${f.content}`)
      .join('\n');
    const { value, usage } = await this.llm.structured({
      purpose: 'architect',
      system: `${ARCHITECT_SYSTEM_PROMPT}\n\nYou are fixing an app whose build failed. Change as little as possible and keep every test that passes passing. Return the complete corrected manifest.`,
      messages: [
        {
          role: 'user',
          content: `Request: ${input.prompt}\n\nThe command \`${input.failingCommand}\` failed. End of its output:\n${input.logTail.slice(-4000)}\n\nCurrent files:\n${files}`,
        },
      ],
      schema: GantryManifestSchema,
      toolSchema: MANIFEST_TOOL_SCHEMA,
      toolName: 'gantry_manifest',
      toolDescription: 'The complete corrected app.',
      maxTokens: 16_000,
    });
    input.onUsage?.(usage);
    const healed = normalize(value);
    // Binary files (a design reference) are not sent to the model; carry them over unchanged.
    const binaries = input.manifest.files.filter((f) => f.encoding === 'base64' && !healed.files.some((h) => h.path === f.path));
    return { ...healed, files: [...healed.files, ...binaries] };
  }
}
