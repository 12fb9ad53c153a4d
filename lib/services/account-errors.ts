// Typed failures of accounts and access (mapped to HTTP by lib/http like the others in errors.ts).
import { ServiceError } from "./errors";

export class ForbiddenError extends ServiceError {
  constructor(message: string) {
    super(message, 403, "Forbidden");
  }
}

export class RateLimitedError extends ServiceError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super(message, 429, "Too Many Requests");
  }
}
