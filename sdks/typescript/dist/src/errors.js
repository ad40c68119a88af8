/** Typed errors: every 4xx or 5xx answer becomes a PunchcardError carrying the problem+json `code`. */
/** An RFC 9457 problem the API answered with: `code` is stable, `detail` is for people. */
export class PunchcardError extends Error {
    status;
    code;
    detail;
    problem;
    requestId;
    name = "PunchcardError";
    constructor(status, code, detail, 
    /** The whole problem document (`errors` names the fields of a 422). */
    problem, 
    /** The response's X-Request-Id: quote it when you report a problem. */
    requestId) {
        super(`${status} ${code}: ${detail}`);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.problem = problem;
        this.requestId = requestId;
    }
    /** The error of a failed response (its body need not be problem+json). */
    static async from(response) {
        const text = await response.text();
        let problem;
        try {
            const parsed = JSON.parse(text);
            problem = isObject(parsed) ? parsed : { detail: text };
        }
        catch {
            problem = { detail: text };
        }
        const status = response.status;
        const code = typeof problem.code === "string" ? problem.code : `http_${status}`;
        const detail = String(problem.detail ?? problem.title ?? "");
        return new PunchcardError(status, code, detail, problem, response.headers.get("x-request-id"));
    }
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=errors.js.map