/** Loopback servers for the tests: a webhook receiver, and a busy stand-in for Punchcard that
 * answers from a script (429, 503) and forwards the rest to the real server. */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: Record<string, string>;
  body: string;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers[name] = value;
  }
  return headers;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface Receiver {
  url: string;
  next: (wanted: (delivery: Received) => boolean) => Promise<Received>;
  close: () => void;
}

interface Waiting {
  wanted: (delivery: Received) => boolean;
  wake: (delivery: Received) => void;
}

/** Answers 204 to every POST; `next(wanted)` resolves with the first delivery not taken yet
 * that is `wanted`, arrived already or still to come. */
export async function receiver(): Promise<Receiver> {
  const arrived: Received[] = [];
  let waiting: Waiting | null = null;
  const server = createServer(async (request, response) => {
    const delivery = { headers: headersOf(request), body: (await bodyOf(request)).toString() };
    response.writeHead(204).end();
    if (waiting?.wanted(delivery)) {
      const { wake } = waiting;
      waiting = null;
      wake(delivery);
    } else arrived.push(delivery);
  });
  const url = await listen(server);
  return {
    url,
    next: (wanted) => {
      const index = arrived.findIndex(wanted);
      if (index >= 0) return Promise.resolve(arrived.splice(index, 1)[0] as Received);
      return new Promise((wake) => (waiting = { wanted, wake }));
    },
    close: () => server.close(),
  };
}

export interface Flaky {
  url: string;
  requests: Record<string, string>[];
  close: () => void;
}

const FORWARDED = ["content-type", "idempotent-replayed", "retry-after", "x-request-id"];

export async function flaky(
  upstream: string,
  script: [status: number, headers: Record<string, string>][],
): Promise<Flaky> {
  const requests: Record<string, string>[] = [];
  const server = createServer(async (request, response) => {
    const headers = headersOf(request);
    requests.push(headers);
    const body = await bodyOf(request);
    const scripted = script.shift();
    if (scripted) {
      const [status, extra] = scripted;
      const problem = { status, code: "busy", detail: "Scripted by the test." };
      response.writeHead(status, { "content-type": "application/problem+json", ...extra });
      response.end(JSON.stringify(problem));
      return;
    }
    delete headers.host;
    const answer = await fetch(upstream + request.url, {
      method: request.method,
      headers,
      body: body.length ? new Uint8Array(body) : undefined,
    });
    const forwarded: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = answer.headers.get(name);
      if (value !== null) forwarded[name] = value;
    }
    response.writeHead(answer.status, forwarded).end(Buffer.from(await answer.arrayBuffer()));
  });
  return { url: await listen(server), requests, close: () => server.close() };
}
