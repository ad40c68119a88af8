/** Typed errors: every 4xx or 5xx answer becomes a PunchcardError carrying the problem+json `code`. */

/** An RFC 9457 problem the API answered with: `code` is stable, `detail` is for people. */
export class PunchcardError extends Error {
  override readonly name = "PunchcardError";

  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** The whole problem document (`errors` names the fields of a 422). */
    readonly problem: Record<string, unknown>,
    /** The response's X-Request-Id: quote it when you report a problem. */
    readonly requestId: string | null,
  ) {
    super(`${status} ${code}: ${detail}`);
  }

  /** The error of a failed response (its body need not be problem+json). */
  static async from(response: Response): Promise<PunchcardError> {
    const text = await response.text();
    let problem: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      problem = isObject(parsed) ? parsed : { detail: text };
    } catch {
      problem = { detail: text };
    }
    const status = response.status;
    const code = typeof problem.code === "string" ? problem.code : `http_${status}`;
    const detail = String(problem.detail ?? problem.title ?? "");
    return new PunchcardError(status, code, detail, problem, response.headers.get("x-request-id"));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
