// The mobile app's main path, through the generated TypeScript client (api-spec/client-ts),
// against a live server. tests/scripts/clients.sh starts the server, compiles this file with
// tsc and runs it with `node --test`; it passes the server in XHHT_URL and the first
// administrator's password in XHHT_ADMIN_PASSWORD.
//
// The path is a list of steps sharing one `World`; each step is one test, run in order. To add
// a step (registries, evaluations…), push `step("…", async (w) => { … })` where it belongs.
// When a step fails, the steps after it are skipped (they would only fail for the same reason).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";

import { createXhhtClient, isProblem, type Schemas, type XhhtClient } from "../../api-spec/client-ts/index.js";

const baseUrl = requiredEnv("XHHT_URL");
const adminPassword = requiredEnv("XHHT_ADMIN_PASSWORD");

/** What the steps learn and pass on to each other. */
interface World {
  /** The administrator's client (sets up the officer's account, as a province would). */
  admin: XhhtClient;
  /** The commune officer's client: the mobile app. */
  app: XhhtClient;
  username: string;
  password: string;
  refreshToken?: string;
  commune?: Schemas["UnitDetail"];
  village?: Schemas["UnitDto"];
  villageEtag?: string;
  framework?: Schemas["FrameworkSummary"];
}

type Step = { name: string; run: (w: World) => Promise<void> };
const steps: Step[] = [];
const step = (name: string, run: Step["run"]): void => {
  steps.push({ name, run });
};

// A run-unique suffix: the tests can run twice against the same database.
const run = randomUUID().slice(0, 8);

const world: World = {
  admin: createXhhtClient(baseUrl),
  app: createXhhtClient(baseUrl),
  username: `cb.mobile.${run}`,
  password: `mật khẩu mới ${run}!`,
};

// ---------------------------------------------------------------- setting up the account

step("the administrator signs in and opens an account for a commune officer of 00004", async (w) => {
  const token = await w.admin.POST("/api/v1/auth/token", {
    body: { grant_type: "password", username: "admin", password: adminPassword },
  });
  assert.equal(token.response.status, 200, JSON.stringify(token.error));
  w.admin.setToken(token.data!.access_token);

  const commune = await w.admin.GET("/api/v1/units/by-code/{code}", {
    params: { path: { code: "00004" }, query: { as_of: "2025-07-01" } },
  });
  assert.equal(commune.response.status, 200);

  const created = await w.admin.POST("/api/v1/accounts", {
    body: {
      username: w.username,
      display_name: "Nguyễn Văn An",
      kind: "person",
      roles: ["commune_officer"],
      unit_ids: [commune.data!.id],
    },
  });
  assert.equal(created.response.status, 201, JSON.stringify(created.error));
  assert.equal(created.data!.must_change_password, true);
  assert.ok(created.data!.initial_password, "a person's account comes with a one-time password");
  w.password = created.data!.initial_password;
});

// ---------------------------------------------------------------- the app

step("signs in with the one-time password and must change it first", async (w) => {
  const first = await w.app.POST("/api/v1/auth/token", {
    body: { grant_type: "password", username: w.username, password: w.password },
  });
  assert.equal(first.response.status, 200, JSON.stringify(first.error));
  assert.equal(first.data!.token_type, "Bearer");
  assert.equal(first.data!.must_change_password, true);
  w.app.setToken(first.data!.access_token);

  const newPassword = `Mật khẩu của An ${run}`;
  const changed = await w.app.POST("/api/v1/accounts/me/password", {
    body: { current_password: w.password, new_password: newPassword },
  });
  assert.equal(changed.response.status, 204, JSON.stringify(changed.error));
  w.password = newPassword;
});

step("signs in with the new password and keeps the refresh token", async (w) => {
  const token = await w.app.POST("/api/v1/auth/token", {
    body: { grant_type: "password", username: w.username, password: w.password },
  });
  assert.equal(token.response.status, 200, JSON.stringify(token.error));
  assert.equal(token.data!.must_change_password, false);
  assert.ok(token.data!.expires_in > 0);
  assert.ok(token.data!.refresh_token, "a password sign-in returns a refresh token");
  w.app.setToken(token.data!.access_token);
  w.refreshToken = token.data!.refresh_token;
});

step("refreshes the session (the refresh token rotates)", async (w) => {
  const token = await w.app.POST("/api/v1/auth/token", {
    body: { grant_type: "refresh_token", refresh_token: w.refreshToken! },
  });
  assert.equal(token.response.status, 200, JSON.stringify(token.error));
  assert.ok(token.data!.refresh_token);
  assert.notEqual(token.data!.refresh_token, w.refreshToken);
  w.app.setToken(token.data!.access_token);
  w.refreshToken = token.data!.refresh_token!;
});

step("reads its own account", async (w) => {
  const me = await w.app.GET("/api/v1/accounts/me");
  assert.equal(me.response.status, 200, JSON.stringify(me.error));
  assert.equal(me.data!.username, w.username);
  assert.equal(me.data!.kind, "person");
  assert.deepEqual(me.data!.roles, ["commune_officer"]);
  assert.equal(me.data!.must_change_password, false);
  assert.equal(me.data!.unit_ids.length, 1);
});

step("finds its commune by code on 2025-07-01 (after the reform)", async (w) => {
  const found = await w.app.GET("/api/v1/units/by-code/{code}", {
    params: { path: { code: "00004" }, query: { as_of: "2025-07-01" } },
  });
  assert.equal(found.response.status, 200, JSON.stringify(found.error));
  const commune = found.data!;
  assert.equal(commune.name, "Phường Ba Đình");
  assert.equal(commune.level, "commune");
  assert.equal(commune.parent?.code, "01");
  assert.ok(Array.isArray(commune.former_names));
  const me = await w.app.GET("/api/v1/accounts/me");
  assert.deepEqual(me.data!.unit_ids, [commune.id], "the account covers this commune");
  w.commune = commune;
});

step("lists the commune's children", async (w) => {
  const children = await w.app.GET("/api/v1/units/{id}/children", {
    params: { path: { id: w.commune!.id }, query: { limit: 100 } },
  });
  assert.equal(children.response.status, 200, JSON.stringify(children.error));
  for (const unit of children.data!.items) {
    assert.equal(unit.parent?.id, w.commune!.id);
  }
});

step("opens a village with an Idempotency-Key, and a retry returns the same village", async (w) => {
  const key = randomUUID();
  const body: Schemas["NewVillageRequest"] = {
    parent_id: w.commune!.id,
    name: `Tổ dân phố ${run}`,
    division_type: "tổ dân phố",
    local_code: `M${run}`,
  };
  const first = await w.app.POST("/api/v1/units", { params: { header: { "Idempotency-Key": key } }, body });
  assert.equal(first.response.status, 201, JSON.stringify(first.error));
  assert.equal(first.data!.level, "village");
  assert.equal(first.data!.code, `00004-M${run}`);
  assert.equal(first.data!.parent?.id, w.commune!.id);
  assert.equal(first.response.headers.get("Location"), `/api/v1/units/${first.data!.id}`);

  // The phone lost the answer and sends the same request again.
  const retry = await w.app.POST("/api/v1/units", { params: { header: { "Idempotency-Key": key } }, body });
  assert.equal(retry.response.status, 201, JSON.stringify(retry.error));
  assert.deepEqual(retry.data, first.data);
  w.village = first.data!;

  const children = await w.app.GET("/api/v1/units/{id}/children", {
    params: { path: { id: w.commune!.id }, query: { limit: 500 } },
  });
  const mine = children.data!.items.filter((u) => u.code === first.data!.code);
  assert.equal(mine.length, 1, "one village, not two");
});

step("renames the village with If-Match from the ETag; a stale ETag is refused", async (w) => {
  const read = await w.app.GET("/api/v1/units/{id}", { params: { path: { id: w.village!.id } } });
  assert.equal(read.response.status, 200);
  const etag = read.response.headers.get("ETag");
  assert.ok(etag, "GET /units/{id} sends an ETag");

  const renamed = await w.app.PATCH("/api/v1/units/{id}", {
    params: { path: { id: w.village!.id }, header: { "If-Match": etag } },
    body: { name: `Thôn ${run}`, effective_date: "2027-01-01", legal_basis: "Quyết định số 1/QĐ-UBND" },
  });
  assert.equal(renamed.response.status, 200, JSON.stringify(renamed.error));
  assert.equal(renamed.data!.version, read.data!.version + 1);
  assert.equal(renamed.data!.former_names.length, 1);
  const newEtag = renamed.response.headers.get("ETag");
  assert.ok(newEtag && newEtag !== etag);
  w.villageEtag = newEtag;

  const stale = await w.app.PATCH("/api/v1/units/{id}", {
    params: { path: { id: w.village!.id }, header: { "If-Match": etag } },
    body: { name: "Thôn cũ", effective_date: "2027-02-01", legal_basis: "Quyết định số 2/QĐ-UBND" },
  });
  assert.equal(stale.response.status, 412);
  assert.equal(stale.error?.code, "precondition_failed");
});

step("reads the audit trail of the village", async (w) => {
  const trail = await w.app.GET("/api/v1/audit", {
    params: { query: { entity: "unit", entity_id: String(w.village!.id) } },
  });
  assert.equal(trail.response.status, 200, JSON.stringify(trail.error));
  const actions = trail.data!.items.map((e) => e.action).sort();
  assert.deepEqual(actions, ["create", "rename"], "one create (the retry wrote nothing), one rename");
  for (const entry of trail.data!.items) {
    assert.equal(entry.actor_username, w.username);
    assert.equal(entry.unit_id, w.village!.id);
    assert.ok(entry.request_id);
  }
  const rename = trail.data!.items.find((e) => e.action === "rename")!;
  assert.deepEqual(rename.changes["name"], { before: `Tổ dân phố ${run}`, after: `Thôn ${run}` });
});

step("lists the frameworks and finds the published TT 22/2020 one", async (w) => {
  const all = await w.app.GET("/api/v1/frameworks", { params: { query: { limit: 100 } } });
  assert.equal(all.response.status, 200, JSON.stringify(all.error));
  assert.ok(all.data!.items.length >= 1);

  const found = await w.app.GET("/api/v1/frameworks", {
    params: { query: { key: "vn.moet.dvht.huyen.tt22-2020" } },
  });
  assert.equal(found.response.status, 200);
  const published = found.data!.items.filter((f) => f.status === "published");
  assert.equal(published.length, 1);
  assert.equal(published[0]!.usable_for_recognition, true);
  w.framework = published[0]!;
});

step("previews a score against it", async (w) => {
  const scored = await w.app.POST("/api/v1/frameworks/{id}/score", {
    params: { path: { id: w.framework!.id } },
    body: { answers: { "TC1.1": { points: 10 }, "TC1.2": { points: 8 } }, evaluation_date: "2023-03-01" },
  });
  assert.equal(scored.response.status, 200, JSON.stringify(scored.error));
  assert.equal(scored.data!.framework_id, w.framework!.id);
  assert.equal(scored.data!.usable_for_recognition, true);
  // `outcome` is free-form in the document (an object); read what the app shows.
  const outcome = scored.data!.outcome as { points?: { total?: number }; level?: { id?: string } };
  assert.equal(outcome.points?.total, 18);
  assert.equal(outcome.level?.id, "khong_dat");
});

step("gets problem+json errors with a stable code", async (w) => {
  const missing = await w.app.GET("/api/v1/units/{id}", { params: { path: { id: 999_999_999 } } });
  assert.equal(missing.response.status, 404);
  assert.match(missing.response.headers.get("Content-Type") ?? "", /^application\/problem\+json/);
  assert.ok(isProblem(missing.error));
  assert.equal(missing.error.code, "unit_not_found");
  assert.equal(missing.error.status, 404);
  assert.ok(missing.error.request_id);

  const english = await w.app.GET("/api/v1/units/by-code/{code}", {
    params: { path: { code: "99999" }, query: { as_of: "2025-07-01" } },
    headers: { "Accept-Language": "en" },
  });
  assert.equal(english.response.status, 404);
  assert.equal(english.error?.code, "unit_not_found");

  const anonymous = createXhhtClient(baseUrl);
  const denied = await anonymous.GET("/api/v1/accounts/me");
  assert.equal(denied.response.status, 401);
  assert.equal(denied.error?.code, "unauthorized");
});

step("signs out: the refresh token no longer works", async (w) => {
  const out = await w.app.POST("/api/v1/auth/logout", { body: { refresh_token: w.refreshToken! } });
  assert.equal(out.response.status, 204, JSON.stringify(out.error));
  const again = await w.app.POST("/api/v1/auth/token", {
    body: { grant_type: "refresh_token", refresh_token: w.refreshToken! },
  });
  assert.equal(again.response.status, 401);
  assert.equal(again.error?.code, "invalid_grant");
});

// ---------------------------------------------------------------- running the steps in order

let failed: string | undefined;
for (const { name, run: body } of steps) {
  test(name, async (t) => {
    if (failed !== undefined) {
      t.skip(`an earlier step failed: ${failed}`);
      return;
    }
    try {
      await body(world);
    } catch (e) {
      failed = name;
      throw e;
    }
  });
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (tests/scripts/clients.sh sets it)`);
  return value;
}
