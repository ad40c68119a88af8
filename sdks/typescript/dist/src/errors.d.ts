/** Typed errors: every 4xx or 5xx answer becomes a PunchcardError carrying the problem+json `code`. */
/** An RFC 9457 problem the API answered with: `code` is stable, `detail` is for people. */
export declare class PunchcardError extends Error {
    readonly status: number;
    readonly code: string;
    readonly detail: string;
    /** The whole problem document (`errors` names the fields of a 422). */
    readonly problem: Record<string, unknown>;
    /** The response's X-Request-Id: quote it when you report a problem. */
    readonly requestId: string | null;
    readonly name = "PunchcardError";
    constructor(status: number, code: string, detail: string, 
    /** The whole problem document (`errors` names the fields of a 422). */
    problem: Record<string, unknown>, 
    /** The response's X-Request-Id: quote it when you report a problem. */
    requestId: string | null);
    /** The error of a failed response (its body need not be problem+json). */
    static from(response: Response): Promise<PunchcardError>;
}
