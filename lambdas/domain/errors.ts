/**
 * Errors with a stable `code` and the HTTP status they map to at the edge.
 * Workflow steps throw them too: Step Functions sees `name` as the error name, so ASL
 * `Retry`/`Catch` blocks can match `TransientError` and friends.
 */
export class GantryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'GantryError';
  }
}

export class ValidationError extends GantryError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('VALIDATION_ERROR', message, 400, details);
    this.name = 'ValidationError';
  }
}

export class InvalidJsonError extends GantryError {
  constructor(message: string) {
    super('INVALID_JSON', message, 400);
    this.name = 'InvalidJsonError';
  }
}

export class PayloadTooLargeError extends GantryError {
  constructor(limitBytes: number, actualBytes: number) {
    super(
      'PAYLOAD_TOO_LARGE',
      `Request body is ${actualBytes} bytes; the limit (api.max_body_bytes) is ${limitBytes} bytes`,
      413,
      {
        limit_bytes: limitBytes,
        actual_bytes: actualBytes,
      },
    );
    this.name = 'PayloadTooLargeError';
  }
}

export class NotFoundError extends GantryError {
  constructor(message: string) {
    super('NOT_FOUND', message, 404);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends GantryError {
  constructor(message: string) {
    super('CONFLICT', message, 409);
    this.name = 'ConflictError';
  }
}

/** A failure worth retrying (throttling, a dependency briefly unavailable). Matched by ASL `Retry`. */
export class TransientError extends GantryError {
  constructor(message: string) {
    super('TRANSIENT', message, 503);
    this.name = 'TransientError';
  }
}

/** The policy gate refused a manifest. */
export class PolicyViolationError extends GantryError {
  constructor(message: string, details: Record<string, unknown>) {
    super('POLICY_VIOLATION', message, 422, details);
    this.name = 'PolicyViolationError';
  }
}

/** A deploy that did not become reachable, or a deployer that refused. */
export class DeployError extends GantryError {
  constructor(message: string) {
    super('DEPLOY_FAILED', message, 502);
    this.name = 'DeployError';
  }
}

export class PublishError extends GantryError {
  constructor(message: string) {
    super('PUBLISH_FAILED', message, 502);
    this.name = 'PublishError';
  }
}

/** A service Gantry reads from (GitHub) answered with an error or could not be reached: 502 naming it. */
export class UpstreamError extends GantryError {
  constructor(service: string, message: string) {
    super('UPSTREAM_FAILED', message, 502, { service });
    this.name = 'UpstreamError';
  }
}

/** No valid session (or ticket, or device signature): 401. */
export class UnauthorizedError extends GantryError {
  constructor(message: string, code = 'UNAUTHORIZED') {
    super(code, message, 401);
    this.name = 'UnauthorizedError';
  }
}

/** Authenticated, but the role may not do this: 403. */
export class ForbiddenError extends GantryError {
  constructor(message: string) {
    super('FORBIDDEN', message, 403);
    this.name = 'ForbiddenError';
  }
}

/** A token bucket is empty: 429 with `Retry-After` (seconds). */
export class RateLimitedError extends GantryError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code = 'RATE_LIMITED',
  ) {
    super(code, message, 429, { retry_after_seconds: retryAfterSeconds });
    this.name = 'RateLimitedError';
  }
}

/** The content guardrail refused the request text: 422, with the category and its reason. */
export class ContentRefusedError extends GantryError {
  constructor(category: string, reason: string) {
    super('CONTENT_REFUSED', `Request refused (${category}): ${reason}`, 422, { category, reason });
    this.name = 'ContentRefusedError';
  }
}

/** A refused signed Siri request; each cause has its own code (SIRI_BAD_SIGNATURE, SIRI_REPLAYED_NONCE, …). */
export class SiriRequestError extends GantryError {
  constructor(code: string, message: string, httpStatus = 401) {
    super(code, message, httpStatus);
    this.name = 'SiriRequestError';
  }
}

/** A mission already reached a final status; nothing may move it on (a cancelled build's result, a late step). */
export class MissionEndedError extends GantryError {
  constructor(missionId: string, status: string) {
    super('MISSION_ENDED', `Mission ${missionId} already ended as ${status}`, 409, { status });
    this.name = 'MissionEndedError';
  }
}

/** A workflow task token that no task waits on any more (decided, timed out, stopped, or unknown). */
export class TaskTokenClosedError extends GantryError {
  constructor(message: string) {
    super('TASK_TOKEN_CLOSED', message, 409);
    this.name = 'TaskTokenClosedError';
  }
}

/** Only a mission that ended (DEPLOYED, FAILED, CANCELLED, REJECTED) may be cleared from the lists. */
export class MissionNotFinalError extends GantryError {
  constructor(missionId: string, status: string) {
    super(
      'MISSION_NOT_FINAL',
      `Mission ${missionId} is still ${status}; only a mission that ended can be cleared (cancel it first)`,
      409,
      {
        mission_id: missionId,
        status,
      },
    );
    this.name = 'MissionNotFinalError';
  }
}
