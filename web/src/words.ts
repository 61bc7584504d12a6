/** Every event and status of a mission in human words: the timeline never shows internal names. */
import type { MissionEventMessage, MissionStatus } from './types';

export const STATUS_WORDS: Record<MissionStatus, string> = {
  NEEDS_INPUT: 'Talking with the CTO',
  NEEDS_CONFIRMATION: 'Plan ready for your go-ahead',
  READY_TO_BUILD: 'Plan confirmed',
  QUEUED: 'Waiting for a builder',
  ARCHITECTING: 'Drafting the app',
  POLICY_CHECK: 'Checking the draft against the policy',
  BUILDING: 'Installing, testing and building',
  AUDITING: 'Reading the build results',
  HEALING: 'Fixing what failed',
  AWAITING_APPROVAL: 'Waiting for an approver',
  DEPLOYING: 'Putting the app online',
  PUBLISHING: 'Opening the pull request',
  SEALING: 'Sealing the evidence',
  DEPLOYED: 'Live',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Rejected',
};

/** What a status event means, as a sentence. */
const STATUS_SENTENCES: Record<MissionStatus, string> = {
  NEEDS_INPUT: 'The CTO needs an answer before planning.',
  NEEDS_CONFIRMATION: 'The CTO proposed a plan and waits for your go-ahead.',
  READY_TO_BUILD: 'You confirmed the plan.',
  QUEUED: 'The mission is in the queue for a builder.',
  ARCHITECTING: 'The architect started drafting the app.',
  POLICY_CHECK: 'The draft is being checked against the policy.',
  BUILDING: 'The builder is installing, testing and building the app in its sandbox.',
  AUDITING: 'The build finished; its tests and output are being read.',
  HEALING: 'Something failed; the architect is repairing the code.',
  AWAITING_APPROVAL: 'A person has to approve before the mission goes on.',
  DEPLOYING: 'The app is being put online.',
  PUBLISHING: 'The pull request is being opened.',
  SEALING: 'The evidence of the mission is being signed and stored.',
  DEPLOYED: 'Done: the app is live, with its pull request and sealed evidence.',
  FAILED: 'The mission stopped with a failure.',
  CANCELLED: 'The mission was cancelled.',
  REJECTED: 'An approver rejected the mission.',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);

/** The sentences of one event type; `null` means "say the status". */
const EVENT_SENTENCES: Record<string, (e: MissionEventMessage) => string> = {
  'mission.created': () => 'You asked for a new app.',
  'mission.retried': (e) => (e.data.retry_of ? 'This mission retries an earlier one.' : 'A new mission retries this one.'),
  'consultation.started': () => 'You started a conversation with the CTO.',
  'consultation.message': () => 'You answered the CTO.',
  'consultation.reply': (e) =>
    e.status === 'NEEDS_CONFIRMATION' || e.data.status === 'NEEDS_CONFIRMATION' ? 'The CTO proposed a plan.' : 'The CTO replied.',
  'consultation.confirmed': () => 'You confirmed the plan; the build starts.',
  'content.refused': () => 'The request was refused by the content guardrail.',
  'siri.refused': () => 'A request from Siri was refused.',
  'architect.drafted': (e) => {
    const files = num(e.data.files);
    return files ? `The architect drafted the app (${files} files).` : 'The architect drafted the app.';
  },
  'policy.passed': () => 'The draft passed every policy rule.',
  'policy.rejected': () => 'The draft broke a policy rule and was stopped.',
  'audit.passed': (e) =>
    `Build attempt ${num(e.data.attempt) || ''} passed: ${num(e.data.tests_passed)} tests green.`.replace('  ', ' '),
  'audit.failed': (e) =>
    `Build attempt ${num(e.data.attempt) || ''} failed${e.data.failed_phase ? ` while ${str(e.data.failed_phase)}` : ''}.`.replace(
      '  ',
      ' ',
    ),
  'audit.discarded': (e) =>
    `Build attempt ${num(e.data.attempt) || ''} was discarded: it broke tests that passed before.`.replace('  ', ' '),
  'heal.patched': () => 'The architect patched the code for another attempt.',
  'budget.exceeded': () => 'The mission reached its budget and stopped.',
  'deploy.live': () => 'The app is online.',
  'deploy.skipped': () => 'Deploying was not asked for; skipped.',
  'publish.opened': () => 'The pull request is open.',
  'publish.skipped': () => 'A pull request was not asked for; skipped.',
  'mission.failure': () => 'The failure was recorded with its details.',
  'cancel.stopped': () => 'The builder and the workflow were stopped.',
  'approval.requested': (e) =>
    `Approval needed at “${str(e.data.gate)}” from ${(e.data.roles as string[] | undefined)?.join(' or ') ?? 'an approver'}.`,
  'decision.recorded': (e) => {
    const d = str(e.data.decision);
    const who = str(e.data.actor_email) || 'An approver';
    const verb = d === 'APPROVE' ? 'approved' : d === 'REJECT' ? 'rejected' : d === 'OVERRIDE' ? 'overrode the gate' : 'decided';
    return `${who} ${verb}${e.data.justification ? `: “${str(e.data.justification)}”` : '.'}`;
  },
  'approval.escalated': (e) =>
    `Nobody decided in time; escalated to ${(e.data.to_roles as string[] | undefined)?.join(' or ') ?? 'the owners'}.`,
  'approval.timed_out': (e) =>
    `Nobody decided in time; the gate ${str(e.data.action) === 'approve' ? 'approved' : 'rejected'} it by policy.`,
};

export function sentenceFor(e: MissionEventMessage): string {
  if (e.event_type === 'status' && e.status) return STATUS_SENTENCES[e.status] ?? e.message;
  const say = EVENT_SENTENCES[e.event_type];
  if (say) return say(e);
  return e.status ? STATUS_SENTENCES[e.status] : e.message;
}

/** Whether the event's own message adds something a person wants to read (a failure, a reply). */
export function detailFor(e: MissionEventMessage): string | null {
  if (e.event_type === 'status') return e.status === 'FAILED' || e.status === 'CANCELLED' ? e.message : null;
  if (/^(audit\.failed|audit\.discarded|policy\.rejected|mission\.failure|budget\.exceeded|content\.refused)$/.test(e.event_type))
    return e.message;
  return null;
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export function ago(iso: string, now = Date.now()): string {
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

/** What a mission is called in lists: its prompt (the person's words), not a template's name. */
export function missionTitle(m: { prompt: string; title?: string | null; project_name?: string | null }): string {
  const text = (m.title || m.prompt || m.project_name || 'Untitled').trim();
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
