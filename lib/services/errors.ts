// Typed failures thrown by services; only the HTTP edge (lib/http/api-route.ts) maps them to statuses.
export class ServiceError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly title: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends ServiceError {
  constructor(what: string) {
    super(`${what} was not found`, 404, "Not Found");
  }
}

export class ValidationError extends ServiceError {
  constructor(message: string) {
    super(message, 400, "Bad Request");
  }
}

export class PayloadTooLargeError extends ServiceError {
  constructor(message: string) {
    super(message, 413, "Payload Too Large");
  }
}

export class UnauthorizedError extends ServiceError {
  constructor(message = "a valid bearer token or session is required") {
    super(message, 401, "Unauthorized");
  }
}

export class UnavailableError extends ServiceError {
  constructor(message = "the database is unavailable; retry shortly") {
    super(message, 503, "Service Unavailable");
  }
}

export class UnsupportedMediaTypeError extends ServiceError {
  constructor(message: string) {
    super(message, 415, "Unsupported Media Type");
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string) {
    super(message, 409, "Conflict");
  }
}
