// The XHHT API client: openapi-fetch typed with the `paths` that openapi-typescript generates
// from api-spec/openapi.json into schema.d.ts (`make client`). Hand-written, and kept tiny on
// purpose: every request and response type comes from the document, so a change to the API
// shows up here as a type error, not as a surprise at run time.
import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export { createClient };
export type { Client, ClientOptions, Middleware, components, operations, paths };

/** Every schema of the document by name: `Schemas["UnitDto"]`, `Schemas["Problem"]`… */
export type Schemas = components["schemas"];
/** An RFC 9457 problem document: what every error response carries. */
export type Problem = Schemas["Problem"];

/** A typed client for the XHHT API, plus the bearer token it sends. */
export interface XhhtClient extends Client<paths> {
  /** Sends `Authorization: Bearer <token>` on every request from now on; `null` stops it. */
  setToken(token: string | null): void;
  /** The token being sent, if any. */
  token(): string | null;
}

/**
 * Creates a client for the server at `baseUrl` (e.g. `https://xhht.example.vn`, no trailing
 * `/api/v1`: the paths carry it). `options` go to openapi-fetch (a custom `fetch`, headers…).
 */
export function createXhhtClient(baseUrl: string, options: ClientOptions = {}): XhhtClient {
  const client = createClient<paths>({ ...options, baseUrl });
  let bearer: string | null = null;
  const auth: Middleware = {
    onRequest({ request }) {
      // A header set by the caller for one request wins over the client's token.
      if (bearer !== null && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${bearer}`);
      }
      return request;
    },
  };
  client.use(auth);
  return Object.assign(client, {
    setToken(token: string | null): void {
      bearer = token;
    },
    token(): string | null {
      return bearer;
    },
  });
}

/** True when `value` looks like a problem document (the `error` of a failed call). */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { status?: unknown }).status === "number"
  );
}
