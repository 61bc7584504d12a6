import type { OpenApiDocument } from './openapi';

type JsonSchema = Record<string, unknown>;

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A one-line reading of a JSON schema: `string (1..4000)`, `array of MissionSummary`, `{ q, limit }`. */
function schemaSummary(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop()!;
    return `<a href="#schema-${escape(name)}">${escape(name)}</a>`;
  }
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(schemaSummary).join(' | ');
  if (Array.isArray(schema.enum))
    return (schema.enum as unknown[]).map((v) => `<code>${escape(JSON.stringify(v))}</code>`).join(' | ');
  const bounds: string[] = [];
  for (const [lo, hi] of [
    ['minLength', 'maxLength'],
    ['minimum', 'maximum'],
    ['minItems', 'maxItems'],
  ] as const) {
    if (schema[lo] !== undefined || schema[hi] !== undefined) bounds.push(`${schema[lo] ?? ''}..${schema[hi] ?? ''}`);
  }
  const type =
    schema.type === 'array'
      ? `array of ${schemaSummary(schema.items as JsonSchema)}`
      : escape(Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any'));
  return `${type}${bounds.length ? ` <span class="b">(${escape(bounds.join(', '))})</span>` : ''}`;
}

function propertiesTable(schema: JsonSchema): string {
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (!props || Object.keys(props).length === 0) return `<p class="t">${schemaSummary(schema)}</p>`;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(props)
    .map(
      ([name, s]) =>
        `<tr><td><code>${escape(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</td>` +
        `<td>${schemaSummary(s)}${s.default !== undefined ? ` <span class="b">default ${escape(JSON.stringify(s.default))}</span>` : ''}</td>` +
        `<td>${escape(s.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>${rows}</table>`;
}

function operationHtml(method: string, path: string, op: Record<string, any>): string {
  const params = (op.parameters as Array<Record<string, any>>) ?? [];
  const paramRows = params
    .map(
      (p) =>
        `<tr><td><code>${escape(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td><td>${escape(p.in)}</td>` +
        `<td>${schemaSummary(p.schema)}</td><td>${escape(p.description ?? '')}</td></tr>`,
    )
    .join('');
  const body = op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
  const responses = Object.entries(op.responses as Record<string, any>)
    .map(([status, r]) => {
      const content = r.content ? (Object.entries(r.content)[0] as [string, { schema: JsonSchema }]) : undefined;
      return `<li><b>${escape(status)}</b> ${escape(r.description)}${content ? ` — <code>${escape(content[0])}</code> ${schemaSummary(content[1].schema)}` : ''}</li>`;
    })
    .join('');
  const id = `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return `<section class="op" id="${escape(id)}">
<h3><span class="m m-${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code>${
    (op.security as unknown[]).length === 0 ? ' <span class="pub">public</span>' : ''
  }</h3>
<p>${escape(op.summary)}</p>
${paramRows ? `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr>${paramRows}</table>` : ''}
${body ? `<h4>Request body${op.requestBody.required ? '' : ' (optional)'}</h4>${propertiesTable(body)}` : ''}
<h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

/**
 * The API reference as one self-contained HTML page rendered on the server from the OpenAPI
 * document: no script, no CDN, nothing fetched (the stack runs offline).
 */
export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = ((op.tags as string[]) ?? ['other'])[0]!;
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(operationHtml(method, path, op as Record<string, any>));
      toc.push(
        `<li><a href="#op-${escape(method)}-${escape(path.replace(/[^A-Za-z0-9]+/g, '-'))}"><span class="m m-${escape(method)}">${escape(method.toUpperCase())}</span> ${escape(path)}</a></li>`,
      );
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, ops]) => `<h2 id="tag-${escape(tag)}">${escape(tag)}</h2>${ops.join('\n')}`)
    .join('\n');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, s]) => `<section class="op" id="schema-${escape(name)}"><h3>${escape(name)}</h3>${propertiesTable(s)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)} — reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2230;background:#f6f7fb}
header{background:#1d2230;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#c8cde0;max-width:900px}
.wrap{display:flex;gap:24px;padding:16px 24px}nav{flex:0 0 300px;font-size:13px}nav ul{list-style:none;padding:0;margin:0}
nav li{margin:2px 0}nav a{color:#1d2230;text-decoration:none}main{flex:1;min-width:0}
.op{background:#fff;border:1px solid #dde1ec;border-radius:8px;padding:8px 16px;margin:0 0 12px}
h2{text-transform:capitalize;margin:16px 0 8px}h3{margin:8px 0;font-size:16px}h4{margin:8px 0 4px;font-size:13px;color:#555}
.m{display:inline-block;min-width:54px;text-align:center;border-radius:4px;color:#fff;font:600 12px monospace;padding:2px 4px}
.m-get{background:#2f7d4f}.m-post{background:#2a5db0}.m-delete{background:#b03a2a}
.pub{font-size:11px;background:#fde9b6;border-radius:4px;padding:1px 6px}.req{font-size:11px;color:#b03a2a}.b{color:#777;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-top:1px solid #eceef4;padding:4px 6px;text-align:left;vertical-align:top}
code{font-family:ui-monospace,monospace}ul{margin:4px 0 8px;padding-left:20px;font-size:13px}
@media (max-width:800px){.wrap{display:block}nav{display:none}}
</style></head>
<body><header><h1>${escape(doc.info.title)} <span class="b">OpenAPI ${escape(doc.openapi)}</span></h1><p>${escape(doc.info.description)}</p>
<p>Machine-readable: <a style="color:#9cc3ff" href="openapi.json">openapi.json</a></p></header>
<div class="wrap"><nav><ul>${toc.join('')}</ul><h4>Schemas</h4><ul>${Object.keys(doc.components.schemas)
    .map((n) => `<li><a href="#schema-${escape(n)}">${escape(n)}</a></li>`)
    .join('')}</ul></nav>
<main>${sections}<h2 id="schemas">Schemas</h2>${schemas}</main></div></body></html>`;
}
