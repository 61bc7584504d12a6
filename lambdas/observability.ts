import { Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';

/**
 * The one structured (JSON) logger. It holds no keys of a request or a workflow step: each line
 * names the ids it is about in its own call (`logger.warn('Step failed', { mission_id, … })`).
 *
 * Keys appended to a Powertools logger are the process's: on the local stack, where requests and
 * steps of many missions interleave in one process, a line would carry another request's ids, and
 * on Lambda the next invocation's. So appending is refused here. A scope that follows each
 * request's async work (AsyncLocalStorage) would keep such keys apart, but on Node 20 it works
 * through promise hooks that every `await` of the process then pays for, whether it logs or not
 * (measured: about a seventh of a status read's time on the stack's thread).
 */
class PerCallLogger extends Logger {
  override appendKeys(_attributes: LogAttributes): void {
    throw new Error(PER_CALL);
  }

  override appendPersistentKeys(_attributes: LogAttributes): void {
    throw new Error(PER_CALL);
  }
}

const PER_CALL = 'Log keys are given with each line (logger.info(message, { mission_id })), never appended to the logger';

export const logger = new PerCallLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'gantry' });
