/**
 * The cloud twin: Gantry's AWS code paths end to end on one machine (see cloud-twin.ts). The
 * handlers run with GANTRY_RUNTIME=aws and the environment the synthesized template gives each
 * function; the Build state runs the builder entrypoint in its AWS mode under the task
 * definition's user, capabilities, mounts and read-only root. The model behind the LLM boundary is
 * Bedrock Converse (the real client, `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`) answered by a local
 * HTTP/2 server with a script; the architect drafts and heals through it, as the stack is
 * synthesized with `gantry:architect=llm`. Every AWS call is written to GANTRY_TWIN_CALLS_FILE (or
 * a file in the temp dir, printed), and the IAM check evaluates them all at the end.
 *
 * What this cannot prove: Object Lock retention (the S3 server checks a locked PUT's
 * preconditions, not retention), S3's 403-for-missing-keys without ListBucket (the server answers
 * 404), KMS key policies, real Fargate placement and image pulls, Bedrock's real answers, and real
 * latencies.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import type { ConsultantResponse } from '../../lambdas/domain/consultation';
import { PROJECT_ROOT } from '../../lib/constructs/project-paths';
import { converseToolUse, ScriptedLlmServer, type RecordedRequest, type ScriptedReply } from '../helpers/fake-llm-servers';
import { brokenMath, mathApp } from '../helpers/scripted-architect';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { jobKey, manifestKey } from '../../builder-image/src/artifact-keys';
import { BuildJobDocumentSchema } from '../../builder-image/src/build-job-document';
import { parseBuilderMessage } from '../../builder-image/src/protocol';
import { verifyEvidenceText } from '../../lambdas/domain/evidence-verify';
import { TemplateIam, type RecordedCall } from '../iam/template-iam';
import { CallRecorder } from './call-recorder';
import { CloudTwin } from './cloud-twin';
import { LambdaTwin } from './lambda-invoker';
import { TWIN_REGION } from './twin-template';
import { parseDockerfile, runFargateTask } from './fargate-task';

const EMAIL = 'owner@twin.example';
const PASSWORD = 'twin-password-0123456789';
/** A cross-Region inference profile id, as Bedrock serves current Claude models on demand. */
const MODEL = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
/** The request whose first draft fails its tests (the model's heal fixes it). */
const HEAL_PROMPT = 'Build a math helper with add, subtract and multiply';
/** The request the model answers with an app that reads the builder's environment (the policy gate refuses it). */
const REFUSED_PROMPT = 'Build a math helper that shows its build settings';

const PLAN: ConsultantResponse = {
  response: 'I can build a calculator with a history of results. Shall I build it?',
  status: 'NEEDS_CONFIRMATION',
  question: null,
  app_kind: 'calculator',
  design_target: null,
  proposed_stack: 'static-web',
  build_prompt: 'Build a calculator with a history of results.',
  features: ['history'],
  confidence: 0.95,
};

/**
 * The model: plans a consultation, drafts apps (the heal request's first draft multiplies wrong),
 * and heals by returning the corrected app.
 */
function bedrock(req: RecordedRequest): ScriptedReply {
  const tool = req.body.toolConfig.tools[0].toolSpec.name as string;
  const system = String(req.body.system?.[0]?.text ?? '');
  const user = JSON.stringify(req.body.messages);
  if (tool === 'gantry_manifest') {
    if (system.includes('You are fixing an app')) return converseToolUse('gantry_manifest', mathApp({}));
    if (user.includes(REFUSED_PROMPT)) {
      return converseToolUse(
        'gantry_manifest',
        mathApp({ math: 'export const settings = () => JSON.stringify(process.env);\nexport const add = (a, b) => a + b;\n' }),
      );
    }
    if (user.includes(HEAL_PROMPT)) {
      return converseToolUse('gantry_manifest', mathApp({ math: brokenMath({ multiply: true }, 'first draft') }));
    }
    return converseToolUse(
      'gantry_manifest',
      draftManifest({ prompt: 'a calculator', kind: 'calculator', features: ['history'] }),
    );
  }
  if (system.includes('No plan is awaiting confirmation.')) return converseToolUse('consultant_response', PLAN);
  return converseToolUse('consultant_response', { ...PLAN, status: 'READY_TO_BUILD', response: 'Building it now.' });
}

let twin: CloudTwin;
let token: string;
let model: ScriptedLlmServer;

beforeAll(async () => {
  model = new ScriptedLlmServer(bedrock, { http2: true });
  await model.start();
  twin = new CloudTwin({
    context: { 'gantry:architect': 'llm', 'gantry:llmModel': MODEL },
    functionEnvironment: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: model.url },
  });
  await twin.start();
  await twin.addOwner(EMAIL, PASSWORD);
  token = await twin.login(EMAIL, PASSWORD);
}, 180_000);

afterAll(async () => {
  await twin?.stop();
  await model?.stop();
});

async function status(missionId: string): Promise<any> {
  const res = await twin.rest('GET', `/gantry/status/${missionId}`, { token });
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe('the builder image on Fargate', () => {
  it('fails the build with EACCES when the image does not declare its scratch mounts as VOLUME', async () => {
    const dockerfile = readFileSync(join(PROJECT_ROOT, 'builder-image', 'Dockerfile'), 'utf8')
      .split('\n')
      .filter((line) => !/^VOLUME\b/.test(line))
      .join('\n');
    const scratch = mkdtempSync(join(tmpdir(), 'gantry-twin-novolume-'));
    chmodSync(scratch, 0o755);
    try {
      const task = runFargateTask({
        taskDefinition: twin.template.taskDefinition().properties as never,
        overrides: [
          {
            Name: 'builder',
            Environment: [
              { Name: 'GANTRY_TENANT_ID', Value: 't-none' },
              { Name: 'GANTRY_MISSION_ID', Value: 'm-none' },
              { Name: 'GANTRY_ATTEMPT', Value: '1' },
              { Name: 'GANTRY_JOB_URL', Value: await twin.issueBuildJob('t-none', 'm-none', 1) },
            ],
          },
        ],
        image: parseDockerfile(dockerfile),
        imageLayers: [{ source: join(twin.dir, 'image', 'opt-gantry'), target: '/opt/gantry' }],
        scratchDir: scratch,
        platformEnvironment: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' },
      });
      const { exitCode, output } = await task.done;
      expect(exitCode).not.toBe(0);
      expect(output).toMatch(/EACCES/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

/** A browser watching one mission over the WebSocket API; resolves once the subscription's snapshot arrived. */
async function watchMission(missionId: string): Promise<{ messages: any[]; close: () => void }> {
  const ticket = await twin.rest('POST', '/gantry/auth/ticket', { token });
  expect(ticket.statusCode).toBe(201);
  const ws = new WebSocket(`${twin.websocket.url.replace('http', 'ws')}/prod?${ticket.body.websocket_query}`);
  const messages: any[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ action: 'subscribe', mission_id: missionId }));
  for (let i = 0; i < 100 && !messages.some((m) => m.type === 'snapshot'); i++) await new Promise((r) => setTimeout(r, 100));
  expect(messages.some((m) => m.type === 'snapshot')).toBe(true);
  return { messages, close: () => ws.close() };
}

describe('a direct build on the AWS code paths', () => {
  it('goes from POST /gantry/architect to DEPLOYED with a pull request and sealed evidence, streaming the build log to a browser', async () => {
    // The build waits for capacity until the browser watches, so every log line has a subscriber.
    const release = twin.holdBuildTasks();
    let watcher: Awaited<ReturnType<typeof watchMission>>;
    let missionId: string;
    try {
      const res = await twin.rest('POST', '/gantry/architect', {
        token,
        body: { voice_memo: 'Build a calculator with a history of results' },
      });
      expect(res.statusCode).toBe(202);
      missionId = res.body.mission_id as string;
      watcher = await watchMission(missionId);
    } finally {
      release();
    }
    const execution = await twin.executionEnded(missionId);
    watcher.close();
    const final = await status(missionId);
    // On failure the diff shows why (e.g. the builder's EACCES on a scratch mount the image does not own).
    expect({ execution: execution.status, status: final.status, failure: final.failure ?? null }).toEqual({
      execution: 'SUCCEEDED',
      status: 'DEPLOYED',
      failure: null,
    });
    expect(execution.states).toEqual([
      'Architect',
      'AwaitBuilder',
      'PolicyGate',
      'Build',
      'Audit',
      'AuditVerdict',
      // No gate in the policy: each gate point checks and carries on.
      'BeforeDeploy',
      'ApprovalCheck',
      'ApprovalRequired',
      'AfterApproval',
      'Deploy',
      'BeforePublish',
      'ApprovalCheck',
      'ApprovalRequired',
      'AfterApproval',
      'Publish',
      'Seal',
      'Done',
    ]);
    expect(twin.vercel.deployments.size).toBe(1);
    expect(twin.github.pulls).toHaveLength(1);
    expect(twin.github.pulls[0]?.base).toBe('main');
    const calls = twin.recorder.calls;
    // The builder wrote its output through the gate's presigned POST form and its result through a presigned PUT:
    // S3 checked both signatures and took them as the gate's requests; the builder's own role signed nothing.
    expect(calls.some((c) => c.functionId === 'step-policy-gate' && c.input.via === 'presigned-post')).toBe(true);
    expect(
      calls.some(
        (c) =>
          c.functionId === 'step-policy-gate' && c.input.via === 'presigned-url' && String(c.input.Key).endsWith('/result.json'),
      ),
    ).toBe(true);
    expect(calls.filter((c) => c.functionId === 'builder')).toEqual([]);
    expect(calls.some((c) => c.functionId === 'step-seal' && c.service === 'kms' && c.action === 'Sign')).toBe(true);

    // Live build log: the log group's subscription filter delivered the builder's log lines to
    // builder-log-push, which found the mission through ECS DescribeTasks and pushed them.
    const deliveries = twin.logDeliveries.filter(
      (d) => (d.result as { mission_id?: string } | undefined)?.mission_id === missionId,
    );
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.handler === 'builder-log-push' && /^build\/builder\/[0-9a-f]{32}$/.test(d.logStream))).toBe(
      true,
    );
    expect(twin.logDeliveries.filter((d) => d.error)).toEqual([]);
    expect(calls.some((c) => c.functionId === 'builder-log-push' && c.service === 'ecs' && c.action === 'DescribeTasks')).toBe(
      true,
    );
    const logMessages = watcher.messages.filter((m) => m.type === 'log');
    expect(logMessages.length).toBeGreaterThan(0);
    expect(logMessages.every((m) => m.mission_id === missionId && m.attempt === 1 && Array.isArray(m.lines))).toBe(true);
    const lines = logMessages.flatMap((m) => m.lines as string[]);
    expect(lines.length).toBe(deliveries.reduce((n, d) => n + (d.result as { lines: number }).lines, 0));
    // The builder's own `log` protocol lines, in order; phases and results stay out of the browser's log.
    const logged = twin.builderOutputs
      .map((line) => {
        try {
          return JSON.parse(line) as { type?: string; line?: string };
        } catch {
          return null;
        }
      })
      .filter((m) => m?.type === 'log')
      .map((m) => m?.line);
    expect(lines.every((line) => logged.includes(line))).toBe(true);
    expect(lines.filter((line) => parseBuilderMessage(line) !== null)).toEqual([]);
    // The third-party tokens come from the operator's SecureString parameters, decrypted.
    for (const fn of ['step-deploy', 'step-publish']) {
      expect(
        calls.some(
          (c) => c.functionId === fn && c.service === 'ssm' && c.action === 'GetParameter' && c.input.WithDecryption === true,
        ),
      ).toBe(true);
    }
  });
});

describe('a consultation on the AWS code paths', () => {
  it('plans through Bedrock, waits for "proceed", then builds the model-drafted app to DEPLOYED', async () => {
    const first = await twin.rest('POST', '/gantry/consult', { token, body: { message: 'a calculator that keeps a history' } });
    expect(first.statusCode).toBe(200);
    expect(first.body).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'calculator' });
    const missionId = first.body.mission_id as string;
    expect(twin.sfn.execution(missionId)).toBeUndefined();
    const proceed = await twin.rest('POST', '/gantry/consult', { token, body: { message: 'proceed', mission_id: missionId } });
    expect(proceed.statusCode).toBeLessThan(300);
    const execution = await twin.executionEnded(missionId);
    const final = await status(missionId);
    expect({ execution: execution.status, status: final.status, failure: final.failure ?? null }).toEqual({
      execution: 'SUCCEEDED',
      status: 'DEPLOYED',
      failure: null,
    });
    const converse = twin.recorder.calls.filter((c) => c.service === 'bedrock');
    expect(converse.map((c) => c.functionId)).toEqual(expect.arrayContaining(['consult', 'step-architect']));
    expect(converse.every((c) => c.input.modelId === MODEL)).toBe(true);
  });
});

describe('a failing build through the heal loop', () => {
  it("fails the first attempt's tests, heals through the model, and deploys the second attempt", async () => {
    const res = await twin.rest('POST', '/gantry/architect', { token, body: { voice_memo: HEAL_PROMPT } });
    expect(res.statusCode).toBe(202);
    const missionId = res.body.mission_id as string;
    const execution = await twin.executionEnded(missionId);
    const final = await status(missionId);
    expect({ execution: execution.status, status: final.status, failure: final.failure ?? null }).toEqual({
      execution: 'SUCCEEDED',
      status: 'DEPLOYED',
      failure: null,
    });
    expect(execution.states).toEqual([
      'Architect',
      'AwaitBuilder',
      'PolicyGate',
      'Build',
      'Audit',
      'AuditVerdict',
      'Heal',
      'AwaitBuilder',
      'PolicyGate',
      'Build',
      'Audit',
      'AuditVerdict',
      // No gate in the policy: each gate point checks and carries on.
      'BeforeDeploy',
      'ApprovalCheck',
      'ApprovalRequired',
      'AfterApproval',
      'Deploy',
      'BeforePublish',
      'ApprovalCheck',
      'ApprovalRequired',
      'AfterApproval',
      'Publish',
      'Seal',
      'Done',
    ]);
    // The heal request showed the model the failing command and its output.
    const heal = model.requests.find((r) => String(r.body.system?.[0]?.text ?? '').includes('You are fixing an app'));
    expect(JSON.stringify(heal?.body.messages)).toMatch(/npm test/);
    // Each attempt got its own presigned job, signed by the gate for that attempt's keys only.
    const jobs = twin.recorder.calls.filter(
      (c) => c.functionId === 'step-policy-gate' && c.input.via === 'presigned-url' && String(c.input.Key).endsWith('/job.json'),
    );
    expect(jobs.map((c) => String(c.input.Key)).filter((k) => k.includes(missionId))).toEqual([
      expect.stringContaining(`/missions/${missionId}/attempts/1/job.json`),
      expect.stringContaining(`/missions/${missionId}/attempts/2/job.json`),
    ]);
  });
});

describe('a draft the policy gate refuses', () => {
  it('ends the mission FAILED through RecordFailure, naming the rule, with FAILED evidence sealed by KMS', async () => {
    const res = await twin.rest('POST', '/gantry/architect', { token, body: { voice_memo: REFUSED_PROMPT } });
    expect(res.statusCode).toBe(202);
    const missionId = res.body.mission_id as string;
    const execution = await twin.executionEnded(missionId);
    expect(execution.states).toEqual(['Architect', 'AwaitBuilder', 'PolicyGate', 'RecordFailure', 'Failed']);
    const final = await status(missionId);
    expect(final.status).toBe('FAILED');
    expect(JSON.stringify(final.failure)).toMatch(/environment-dump|secret-env-read/);
    // Nothing was built, deployed or published.
    expect(
      twin.recorder.calls.some(
        (c) => c.functionId === 'state-machine' && c.action === 'RunTask' && JSON.stringify(c.input).includes(missionId),
      ),
    ).toBe(false);
    const evidence = await twin.rest('GET', `/gantry/missions/${missionId}/evidence`, { token });
    expect(evidence.statusCode).toBe(200);
    expect(JSON.stringify(evidence.body)).toContain('FAILED');
    expect(verifyEvidenceText(JSON.stringify(evidence.body.envelope), twin.evidencePublicKeyPem)).toMatchObject({ ok: true });
    expect(
      twin.recorder.calls.some((c) => c.functionId === 'step-record-failure' && c.service === 'kms' && c.action === 'Sign'),
    ).toBe(true);
  });
});

describe('a launch without capacity and a crashed builder', () => {
  it('retries the refused launch, audits the crashed attempt into the heal loop, and deploys the next attempt', async () => {
    // ECS refuses the first launch for capacity (retried by the Build state's Retry, at once in
    // the twin), and the first builder crashes before writing a result: its image does not
    // declare the scratch mounts as VOLUME, so the builder dies on EACCES.
    const dockerfile = readFileSync(join(PROJECT_ROOT, 'builder-image', 'Dockerfile'), 'utf8')
      .split('\n')
      .filter((line) => !/^VOLUME\b/.test(line))
      .join('\n');
    twin.refuseNextLaunches({
      name: 'ECS.AmazonECSException',
      message: 'No Fargate configuration exists for given values (capacity)',
    });
    twin.runNextBuildsFrom(parseDockerfile(dockerfile));
    const restore = twin.sfn.retryImmediately(['Build']);
    let missionId = '';
    try {
      const res = await twin.rest('POST', '/gantry/architect', { token, body: { voice_memo: 'Build a unit converter app' } });
      expect(res.statusCode).toBe(202);
      missionId = res.body.mission_id as string;
      await twin.executionEnded(missionId);
    } finally {
      restore();
    }
    const execution = twin.sfn.execution(missionId);
    const final = await status(missionId);
    expect({ execution: execution?.status, status: final.status, failure: final.failure ?? null }).toEqual({
      execution: 'SUCCEEDED',
      status: 'DEPLOYED',
      failure: null,
    });
    expect(execution?.retried).toEqual(['Build']);
    expect(execution?.states).toEqual([
      'Architect',
      'AwaitBuilder',
      'PolicyGate',
      'Build',
      'Audit',
      'AuditVerdict',
      'Heal',
      'AwaitBuilder',
      'PolicyGate',
      'Build',
      'Audit',
      'AuditVerdict',
      // No gate in the policy: each gate point checks and carries on.
      'BeforeDeploy',
      'ApprovalCheck',
      'ApprovalRequired',
      'AfterApproval',
      'Deploy',
      'BeforePublish',
      'ApprovalCheck',
      'ApprovalRequired',
      'AfterApproval',
      'Publish',
      'Seal',
      'Done',
    ]);
    // The crashed attempt is kept as a failed attempt whose reason names how the task stopped.
    const failure = await twin.rest('GET', `/gantry/missions/${missionId}/failure`, { token });
    expect(failure.statusCode).toBe(200);
    expect(JSON.stringify(failure.body)).toMatch(/EACCES|exit/i);
  });
});

describe('cancel', () => {
  it('stops the execution and its build task, and a WebSocket subscriber receives CANCELLED', async () => {
    const res = await twin.rest('POST', '/gantry/architect', { token, body: { voice_memo: 'Build a timer app' } });
    const missionId = res.body.mission_id as string;
    const ticket = await twin.rest('POST', '/gantry/auth/ticket', { token });
    expect(ticket.statusCode).toBe(201);
    const ws = new WebSocket(`${twin.websocket.url.replace('http', 'ws')}/prod?${ticket.body.websocket_query}`);
    const messages: any[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ action: 'subscribe', mission_id: missionId }));
    // Cancel once the build task is running.
    for (let i = 0; i < 600 && !twin.sfn.execution(missionId)?.states.includes('Build'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const cancel = await twin.rest('POST', `/gantry/missions/${missionId}/cancel`, {
      token,
      body: { reason: 'changed my mind' },
    });
    expect(cancel.statusCode).toBe(200);
    const execution = await twin.executionEnded(missionId);
    expect(execution.status).toBe('ABORTED');
    for (let i = 0; i < 50 && !messages.some((m) => m.status === 'CANCELLED'); i++) await new Promise((r) => setTimeout(r, 100));
    ws.close();
    expect(messages.find((m) => m.type === 'snapshot')).toBeDefined();
    expect(messages.some((m) => m.type === 'event' && m.status === 'CANCELLED')).toBe(true);
    expect((await status(missionId)).status).toBe('CANCELLED');
    // The stopped execution's status change reaches execution-ended, which leaves a cancelled mission as it is.
    expect(twin.eventDeliveries.filter((d) => d.execution === missionId)).toEqual([
      {
        handler: 'execution-ended',
        execution: missionId,
        status: 'ABORTED',
        result: { action: 'already-final', mission_id: missionId },
      },
    ]);
  });
});

describe('an execution that runs past its timeout', () => {
  it('ends TIMED_OUT with no Catch run, and the rule on its status change records the mission FAILED with sealed evidence naming the timeout', async () => {
    // The template routes ended executions of this state machine to the execution-ended function.
    expect(twin.executionStatusListeners()).toEqual(['execution-ended']);
    // The build never gets capacity, and the execution's timeout (the policy's, in the
    // definition) is shortened so it runs out inside the Build state.
    const release = twin.holdBuildTasks();
    const restore = twin.sfn.compressExecutionTimeout(8);
    let missionId = '';
    let execution;
    try {
      const res = await twin.rest('POST', '/gantry/architect', { token, body: { voice_memo: 'Build a stopwatch app' } });
      expect(res.statusCode).toBe(202);
      missionId = res.body.mission_id as string;
      execution = await twin.executionEnded(missionId);
    } finally {
      restore();
      release();
    }
    expect(execution.status).toBe('TIMED_OUT');
    expect(execution.states).toEqual(['Architect', 'AwaitBuilder', 'PolicyGate', 'Build']);
    // Step Functions stopped the build task of the timed-out execution.
    const stops = twin.recorder.calls.filter((c) => c.functionId === 'state-machine' && c.action === 'StopTask');
    expect(stops.length).toBeGreaterThan(0);
    const delivery = twin.eventDeliveries.filter((d) => d.execution === missionId);
    expect(delivery).toEqual([
      {
        handler: 'execution-ended',
        execution: missionId,
        status: 'TIMED_OUT',
        result: { action: 'recorded', mission_id: missionId },
      },
    ]);

    const final = await status(missionId);
    expect(final.status).toBe('FAILED');
    expect(final.failure).toMatchObject({ code: 'TIMEOUT', step: 'BUILDING' });
    expect(final.failure.message).toMatch(/execution timeout/);
    const evidence = await twin.rest('GET', `/gantry/missions/${missionId}/evidence`, { token });
    expect(evidence.statusCode).toBe(200);
    const { envelope } = evidence.body as { envelope: unknown };
    // KMS signed the PAE's SHA-256 (MessageType DIGEST): the envelope verifies with the KMS key's
    // public half as any ECDSA P-256 / SHA-256 signature over the PAE bytes.
    const verdict = verifyEvidenceText(JSON.stringify(envelope), twin.evidencePublicKeyPem);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    // The stack serves that same key, with no session, through its own function (kms:GetPublicKey only).
    const key = await twin.rest('GET', '/gantry/evidence/public-key');
    expect(key.statusCode).toBe(200);
    expect((key.body as { public_key_pem: string }).public_key_pem.trim()).toBe(twin.evidencePublicKeyPem.trim());
    expect(verifyEvidenceText(JSON.stringify(envelope), (key.body as { public_key_pem: string }).public_key_pem).ok).toBe(true);
    const gantry = verdict.statement!.predicate.gantry;
    expect(gantry.outcome).toBe('FAILED');
    const failureEvent = gantry.events.find((e) => e.type === 'mission.failure');
    expect(JSON.stringify(failureEvent)).toMatch(/TIMEOUT/);
    // FAILED is entered once this evidence exists, so the sealed chain ends with the failure record.
    expect(gantry.events.at(-1)?.type).toBe('mission.failure');
    // A second delivery of the same event (EventBridge delivers at least once) changes nothing.
    const again = await twin.lambdas.invoke(
      'execution-ended',
      twin.statusChanges.find((e) => e.detail.name === missionId && e.detail.status === 'TIMED_OUT'),
    );
    expect(again).toEqual({ action: 'already-final', mission_id: missionId });
  });
});

describe('cold starts', () => {
  // The scenarios only start the functions they exercise; a function none of them reaches (a
  // notification target, a rule's target) would otherwise first fail on AWS, at its first event.
  it('composes every function of the template from exactly the environment the template gives it', () => {
    const names = [...twin.template.functions().keys()].sort();
    // Feature constructs' functions are included with the handlers'.
    expect(names).toEqual(expect.arrayContaining(['policy-publish', 'execution-ended', 'builder-log-push', 'authorizer']));
    const runtime = { PATH: process.env.PATH ?? '/usr/bin:/bin', AWS_REGION: TWIN_REGION, POWERTOOLS_METRICS_DISABLED: 'true' };
    const lambdas = new LambdaTwin((name) => twin.template.functionEnvironment(name), runtime, new CallRecorder());
    const failures = names.flatMap((name) => {
      try {
        lambdas.coldStart(name);
        return [];
      } catch (err) {
        return [`${name}: ${(err as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });
});

describe("the IAM check over the twin's calls", () => {
  let iam: TemplateIam;
  beforeAll(() => {
    // The same synthesized template, resolved with the twin's names, so the recorded ARNs are the policies' ARNs.
    iam = new TemplateIam(twin.template.stack, twin.template.template as never, new Set(), twin.template as never);
  });

  it('allows every call the scenarios made, per function, and lists the grants they never exercised', async () => {
    const path = process.env.GANTRY_TWIN_CALLS_FILE ?? join(twin.dir, '..', 'gantry-twin-calls.json');
    twin.recorder.write(path);
    const calls = JSON.parse(readFileSync(path, 'utf8')) as RecordedCall[];
    const report = await iam.check(calls);
    const lines = report.unusedGrants.map((u) => `  ${u.functionId}: ${u.actions.join(',')} on ${u.resources.join(',')}`);
    process.stdout.write(
      `IAM check: ${calls.length} calls from ${path}, ${report.denied.length} denied; grants never exercised:\n${lines.join('\n')}\n`,
    );
    expect(report.denied.map((d) => `${d.call.functionId} ${d.action} ${d.resource}: ${d.reason}`)).toEqual([]);
    // Every kind of caller was exercised: functions, the state machine's own integrations, presigned requests.
    const callers = new Set(calls.map((c) => c.functionId));
    for (const id of [
      'architect',
      'consult',
      'step-policy-gate',
      'step-seal',
      'mission-control',
      'state-machine',
      'execution-ended',
      'builder-log-push',
      'step-record-failure',
    ])
      expect(callers).toContain(id);
    // The check can fail on these calls: without the sealer's statement granting kms:Sign, only the sealer's KMS calls are denied.
    const withoutSign = await iam.without(['step-seal|kms:Sign'], twin.template.stack).check(calls);
    const deniedWithoutSign = new Set(withoutSign.denied.map((d) => `${d.call.functionId} ${d.call.service}`));
    expect([...deniedWithoutSign]).toEqual(['step-seal kms']);
    expect(withoutSign.denied.some((d) => d.action === 'kms:Sign')).toBe(true);
    expect(calls.some((c) => c.functionId === 'state-machine' && c.action === 'RunTask')).toBe(true);
    expect(calls.some((c) => c.functionId === 'state-machine' && c.action === 'StopTask')).toBe(true);
  });

  it("denies the builder another tenant's artifact: its role holds no grant, and a presigned URL bent to another key fails its signature", async () => {
    const bucket = twin.template.functionEnvironment('step-policy-gate').GANTRY_ARTIFACT_BUCKET as string;
    // A real artifact of another tenant: the first mission's manifest.
    const other = twin.recorder.calls.find(
      (c) => c.functionId === 'step-architect' && c.action === 'PutObject' && /\/manifest\.json$/.test(String(c.input.Key)),
    );
    const otherKey = String(other?.input.Key);
    expect(twin.s3.bucketObjects(bucket).has(otherKey)).toBe(true);

    // 1. The task role's credentials, as a process in the task gets them: S3 takes the signature
    //    (it is valid), IAM decides. Record the attempt and evaluate it.
    const before = twin.recorder.calls.length;
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: twin.s3Url,
      forcePathStyle: true,
      credentials: await twin.builderTaskCredentials(),
    });
    await client.send(new GetObjectCommand({ Bucket: bucket, Key: otherKey })).catch(() => undefined);
    client.destroy();
    const attempt = twin.recorder.calls.slice(before);
    expect(attempt).toEqual([
      { functionId: 'builder', service: 's3', action: 'GetObject', input: { Bucket: bucket, Key: otherKey } },
    ]);
    expect(iam.identityPolicies('builder').flatMap((p) => p.policy.Statement)).toEqual([]);
    const report = await iam.check(attempt);
    expect(report.denied.map((d) => [d.call.functionId, d.action, d.reason])).toEqual([
      ['builder', 's3:GetObject', 'ImplicitlyDenied'],
    ]);

    // 2. The builder's own job (tenant t-own): its presigned manifest URL, pointed at the other
    //    tenant's manifest, and its output form with the other tenant's key.
    const jobUrl = await twin.issueBuildJob('t-own', 'm-own', 1);
    expect(jobUrl).toContain(jobKey('t-own', 'm-own', 1));
    const job = BuildJobDocumentSchema.parse(await (await fetch(jobUrl)).json());
    const bent = job.inputs.manifest.replace(manifestKey('t-own', 'm-own', 1), otherKey);
    expect(bent).not.toBe(job.inputs.manifest);
    const read = await fetch(bent);
    expect(read.status).toBe(403);
    expect(await read.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const form = new FormData();
    for (const [name, value] of Object.entries(job.outputs.files.fields)) form.append(name, value);
    form.set('key', otherKey.replace(/manifest\.json$/, 'output/index.html'));
    form.append('Content-Type', 'text/html');
    form.append('file', new Blob(['<h1>overwritten</h1>']), 'index.html');
    const write = await fetch(job.outputs.files.url, { method: 'POST', body: form });
    expect(write.status).toBe(403);
    expect(await write.text()).toContain('Policy Condition failed');
    // Its own manifest key answers (404 here: nothing was written there), so the signature itself is sound.
    expect((await fetch(job.inputs.manifest)).status).toBe(404);
  });
});
