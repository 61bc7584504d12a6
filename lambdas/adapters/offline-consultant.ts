import { answerOffline } from '../domain/architecture-advice';
import type { ConsultantInput, ConsultantResponse } from '../domain/consultation';
import type { Policy } from '../domain/policy';
import { consultOffline } from '../domain/offline-consultant';
import type { AdvisorPort, ConsultantPort } from '../domain/ports';

/** The deterministic offline CTO behind the consultant port (no model, no network, no cost). */
export class OfflineConsultant implements ConsultantPort {
  readonly name = 'offline';
  async consult(input: ConsultantInput): Promise<{ response: ConsultantResponse; usage: null }> {
    return { response: consultOffline(input), usage: null };
  }
}

/** Architecture answers from the offline knowledge base; the policy is read at each call (it can reload). */
export class OfflineAdvisor implements AdvisorPort {
  readonly name = 'offline';
  constructor(private readonly policy: () => Policy) {}
  async answer(input: { message: string }): Promise<{ answer: string; topics: string[]; usage: null }> {
    return { ...answerOffline(input.message, this.policy()), usage: null };
  }
}
