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
