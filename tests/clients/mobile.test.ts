// The mobile app's main path, through the generated TypeScript client (api-spec/client-ts),
// against a live server. tests/scripts/clients.sh starts the server, compiles this file with
// tsc and runs it with `node --test`; it passes the server in XHHT_URL and the first
// administrator's password in XHHT_ADMIN_PASSWORD.
//
// The path is a list of steps sharing one `World`; each step is one test, run in order: the
// officer's account, units, frameworks, then a family from registration to recognition. To add
// a step, push `step("…", async (w) => { … })` where it belongs.
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
  /** The inspection team of the commune (an inspector's account). */
  inspector?: XhhtClient;
  /** The published framework for learning families the family is evaluated against. */
  familyFramework?: Schemas["FrameworkDetail"];
  household?: Schemas["HouseholdDto"];
  citizen?: Schemas["CitizenDto"];
  evaluation?: Schemas["EvaluationDto"];
  decision?: Schemas["DecisionDto"];
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

// ---------------------------------------------------------------- a family, from registration to recognition

step("the administrator publishes a framework for learning families and opens an inspector's account", async (w) => {
  // A complete document of two indicators (the shipped QĐ 448 draft leaves parts unknown and
  // cannot be published); the document's type comes from the OpenAPI document.
  const document: Schemas["Framework"] = {
    id: `test.mobile.gia-dinh-hoc-tap.${run}`,
    version: 1,
    status: "draft",
    name_vi: "[KIỂM THỬ] Gia đình học tập",
    model_kind: "gia_dinh_hoc_tap",
    legal_basis: { number: "KIỂM THỬ", issuer_vi: "Không có (dữ liệu kiểm thử)" },
    cycle: { period: "calendar_year" },
    retained_years_after_recognition_year: 3,
    confidence_notes: [{ about: "fixture", confidence: "inferred", note_vi: "Dữ liệu kiểm thử, không phải văn bản." }],
    groups: [
      {
        id: "TC1",
        name_vi: "Học tập trong gia đình",
        indicators: [
          {
            id: "TC1.CT1",
            text_vi: "Gia đình có kế hoạch học tập",
            measure: { kind: "yes_no", required: { level1: true, level2: true } },
          },
          {
            id: "TC1.CT2",
            text_vi: "Tỉ lệ thành viên tham gia học tập",
            figure_vi: "thành viên tham gia học tập",
            measure: { kind: "percentage", min: { level1: 80, level2: 90 } },
          },
        ],
      },
    ],
    result: {
      kind: "all_indicators_pass",
      levels: [{ id: "muc_do_1", name_vi: "Mức độ 1", tier: "level1" }],
      fail: { id: "khong_dat", name_vi: "Không đạt" },
    },
  };
  const created = await w.admin.POST("/api/v1/frameworks", { body: { document } });
  assert.equal(created.response.status, 201, JSON.stringify(created.error));
  assert.equal(created.data!.status, "draft");
  const etag = created.response.headers.get("ETag");
  assert.ok(etag, "a new version comes with its ETag");
  const published = await w.admin.POST("/api/v1/frameworks/{id}/publish", {
    params: { path: { id: created.data!.id }, header: { "If-Match": etag } },
  });
  assert.equal(published.response.status, 200, JSON.stringify(published.error));
  assert.equal(published.data!.usable_for_recognition, true);
  w.familyFramework = published.data!;

  // The commune's inspection team: an inspector of 00004, signed in as the mobile app would.
  const username = `tt.mobile.${run}`;
  const account = await w.admin.POST("/api/v1/accounts", {
    body: { username, display_name: "Lê Thị Hoa", kind: "person", roles: ["inspector"], unit_ids: [w.commune!.id] },
  });
  assert.equal(account.response.status, 201, JSON.stringify(account.error));
  w.inspector = await signInForTheFirstTime(username, account.data!.initial_password!);
});

step("registers a household in the village and a citizen of it", async (w) => {
  const household = await w.app.POST("/api/v1/households", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: { label: "Hộ ông Trần Văn Bình", unit_id: w.village!.id },
  });
  assert.equal(household.response.status, 201, JSON.stringify(household.error));
  assert.equal(household.data!.unit_id, w.village!.id);
  w.household = household.data!;

  const citizen = await w.app.POST("/api/v1/citizens", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: {
      full_name: "Trần Văn Bình",
      birth_year: 1980,
      sex: "male",
      target_group: "resident",
      household_id: w.household.id,
      unit_id: w.village!.id,
    },
  });
  assert.equal(citizen.response.status, 201, JSON.stringify(citizen.error));
  assert.equal(citizen.data!.household_id, w.household.id);
  w.citizen = citizen.data!;

  // A household that does not exist is a conflict with the stored data, not a bad request.
  const orphan = await w.app.POST("/api/v1/citizens", {
    body: { full_name: "Trần Thị Hà", birth_year: 1982, sex: "female", target_group: "resident", household_id: 999_999_999, unit_id: w.village!.id },
  });
  assert.equal(orphan.response.status, 409);
  assert.equal(orphan.error?.code, "reference_conflict");
  assert.equal(orphan.error?.errors[0]?.field, "household_id");
});

step("registers the family for the year", async (w) => {
  const registered = await w.app.POST("/api/v1/evaluations", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: { subject_type: "household", subject_id: w.household!.id, framework_id: w.familyFramework!.id, year: 2025 },
  });
  assert.equal(registered.response.status, 201, JSON.stringify(registered.error));
  assert.equal(registered.data!.status, "registered");
  assert.equal(registered.data!.model_kind, "gia_dinh_hoc_tap");
  assert.ok(registered.data!.allowed_actions.includes("self_assess"), JSON.stringify(registered.data!.allowed_actions));
  w.evaluation = registered.data!;
});

step("self-assesses with evidence and submits", async (w) => {
  const id = w.evaluation!.id;
  const read = await w.app.GET("/api/v1/evaluations/{id}", { params: { path: { id } } });
  const answers: Record<string, Schemas["AnswerDto"]> = { "TC1.CT1": { yes_no: true }, "TC1.CT2": { percentage: 95 } };
  const assessed = await w.app.PUT("/api/v1/evaluations/{id}/self-assessment", {
    params: { path: { id }, header: { "If-Match": read.response.headers.get("ETag")! } },
    body: { answers },
  });
  assert.equal(assessed.response.status, 200, JSON.stringify(assessed.error));

  const evidence = await w.app.POST("/api/v1/evaluations/{id}/evidence", {
    params: { path: { id } },
    body: { indicator_id: "TC1.CT1", kind: "link", url: "https://example.gov.vn/ke-hoach-hoc-tap-gia-dinh.pdf" },
  });
  assert.equal(evidence.response.status, 201, JSON.stringify(evidence.error));
  // The file goes as the raw body; the document types it as bytes (an array of numbers).
  const bytes = new TextEncoder().encode("ảnh chụp sổ học tập của gia đình");
  const photo = await w.app.POST("/api/v1/evaluations/{id}/evidence/file", {
    params: { path: { id }, query: { indicator_id: "TC1.CT2", file_name: "sổ học tập.jpg" } },
    body: Array.from(bytes),
    bodySerializer: (body) => new Uint8Array(body),
    headers: { "Content-Type": "image/jpeg" },
  });
  assert.equal(photo.response.status, 201, JSON.stringify(photo.error));
  assert.equal(photo.data!.size_bytes, bytes.length);
  assert.equal(photo.data!.content_type, "image/jpeg");
  const listed = await w.app.GET("/api/v1/evaluations/{id}/evidence", { params: { path: { id } } });
  assert.equal(listed.response.status, 200, JSON.stringify(listed.error));
  assert.deepEqual(listed.data!.items.map((e) => e.kind).sort(), ["file", "link"]);

  const submitted = await w.app.POST("/api/v1/evaluations/{id}/submit", {
    params: { path: { id }, header: { "If-Match": assessed.response.headers.get("ETag")! } },
  });
  assert.equal(submitted.response.status, 200, JSON.stringify(submitted.error));
  assert.equal(submitted.data!.status, "submitted");
  assert.equal(submitted.data!.late, false);
  w.evaluation = submitted.data!;
});

step("the inspection team inspects", async (w) => {
  const id = w.evaluation!.id;
  const read = await w.inspector!.GET("/api/v1/evaluations/{id}", { params: { path: { id } } });
  assert.equal(read.response.status, 200, JSON.stringify(read.error));
  const inspected = await w.inspector!.PUT("/api/v1/evaluations/{id}/inspection", {
    params: { path: { id }, header: { "If-Match": read.response.headers.get("ETag")! } },
    body: { answers: { "TC1.CT1": { yes_no: true }, "TC1.CT2": { percentage: 90 } } },
  });
  assert.equal(inspected.response.status, 200, JSON.stringify(inspected.error));
  assert.equal(inspected.data!.status, "inspected");
  assert.deepEqual(
    inspected.data!.differences.map((d) => d.indicator_id),
    ["TC1.CT2"],
    "the team's figure differs from the family's",
  );
  assert.ok(!inspected.data!.allowed_actions.includes("recognise"), "inspectors do not decide");
});

step("the commune recognises the family", async (w) => {
  const decided = await w.app.POST("/api/v1/decisions", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: {
      kind: "recognition",
      number: `12/QĐ-UBND-${run}`,
      decided_on: "2026-03-15",
      authority: "Chủ tịch UBND phường Ba Đình",
      items: [{ evaluation_id: w.evaluation!.id }],
    },
  });
  assert.equal(decided.response.status, 201, JSON.stringify(decided.error));
  assert.deepEqual(decided.data!.evaluation_ids, [w.evaluation!.id]);
  w.decision = decided.data!;
});

step("reads the result", async (w) => {
  const result = await w.app.GET("/api/v1/evaluations/{id}", { params: { path: { id: w.evaluation!.id } } });
  assert.equal(result.response.status, 200, JSON.stringify(result.error));
  const evaluation = result.data!;
  assert.equal(evaluation.status, "recognised");
  assert.equal(evaluation.result_level, "muc_do_1");
  assert.equal(evaluation.decision_id, w.decision!.id);
  assert.equal(evaluation.decided_on, "2026-03-15");
  // Kept for the three years after the year of recognition (2026), as the framework says.
  assert.equal(evaluation.valid_until, "2029-12-31");
  assert.ok(!evaluation.allowed_actions.includes("submit"));

  const decision = await w.app.GET("/api/v1/decisions/{id}", { params: { path: { id: w.decision!.id } } });
  assert.equal(decision.response.status, 200, JSON.stringify(decision.error));
  assert.equal(decision.data!.kind, "recognition");
});

step("finds the recognition in the commune's figures, and as CSV for Excel", async (w) => {
  const query = { unit: w.commune!.id, year: 2025, models: "gia_dinh_hoc_tap", by: "self" as const };
  const figures = await w.app.GET("/api/v1/statistics", { params: { query } });
  assert.equal(figures.response.status, 200, JSON.stringify(figures.error));
  // The operation also answers CSV and XLSX, so the client types `data` as any of the three.
  const report = figures.data as Schemas["StatisticsReport"];
  const families = report.sections.find((s) => s.model_kind === "gia_dinh_hoc_tap" && s.subgroup == null);
  assert.ok(families, "a section for learning families");
  // At least: the tests may run twice against the same database.
  assert.ok(families.total.recognised >= 1, JSON.stringify(families.total));
  assert.ok((families.total.denominator ?? 0) >= families.total.recognised, "households of the commune");
  assert.equal(typeof families.total.share, "number");

  // As bytes: fetch's text() drops the byte-order mark that Excel needs to read UTF-8.
  const csv = await w.app.GET("/api/v1/statistics", {
    params: { query: { ...query, format: "csv" } },
    parseAs: "arrayBuffer",
  });
  assert.equal(csv.response.status, 200);
  assert.match(csv.response.headers.get("Content-Type") ?? "", /^text\/csv/);
  const bytes = new Uint8Array(csv.data as ArrayBuffer);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(new TextDecoder().decode(bytes), /Gia đình học tập/);
});

step("finds the framework that applies in its village, and registers the village in next year's drive", async (w) => {
  const applicable = await w.app.GET("/api/v1/frameworks/applicable", {
    params: { query: { unit: w.village!.id, model_kind: "gia_dinh_hoc_tap", date: "2026-06-01" } },
  });
  assert.equal(applicable.response.status, 200, JSON.stringify(applicable.error));
  assert.equal(applicable.data!.owner, "national", "no provincial criteria for Hà Nội here");

  // Today in Vietnam (UTC+7), the drive's first day.
  const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  const opened = await w.app.POST("/api/v1/drives", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: {
      unit_id: w.commune!.id,
      year: 2026,
      title_vi: "Đăng ký danh hiệu Gia đình học tập năm 2026",
      models: ["gia_dinh_hoc_tap"],
      opens_on: today,
      closes_on: "2099-12-31",
      late_policy: "flag",
    },
  });
  assert.equal(opened.response.status, 201, JSON.stringify(opened.error));
  const drive = opened.data!.id;
  const registered = await w.app.POST("/api/v1/drives/{id}/registrations", {
    params: { path: { id: drive } },
    body: { model_kind: "gia_dinh_hoc_tap", unit_id: w.village!.id },
  });
  assert.equal(registered.response.status, 200, JSON.stringify(registered.error));
  assert.ok(registered.data!.registered.some((r) => r.subject_id === w.household!.id), "the family is registered for 2026");
  const again = await w.app.POST("/api/v1/drives/{id}/registrations", {
    params: { path: { id: drive } },
    body: { model_kind: "gia_dinh_hoc_tap", unit_id: w.village!.id },
  });
  assert.equal(again.data!.registered.length, 0, "a repeated call registers nobody twice");

  const detail = await w.app.GET("/api/v1/drives/{id}", { params: { path: { id: drive } } });
  assert.equal(detail.response.status, 200, JSON.stringify(detail.error));
  const figures = (detail.data as Schemas["DriveDetail"]).figures[0];
  assert.ok(figures, "the drive's figures for learning families");
  assert.ok(figures.total.registered >= 1 && figures.total.eligible >= figures.total.registered, JSON.stringify(figures.total));
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

/** A person's first sign-in: the one-time password, changed at once, then a fresh session. */
async function signInForTheFirstTime(username: string, oneTimePassword: string): Promise<XhhtClient> {
  const client = createXhhtClient(baseUrl);
  const first = await client.POST("/api/v1/auth/token", {
    body: { grant_type: "password", username, password: oneTimePassword },
  });
  assert.equal(first.response.status, 200, JSON.stringify(first.error));
  client.setToken(first.data!.access_token);
  const password = `Mật khẩu của ${username}`;
  const changed = await client.POST("/api/v1/accounts/me/password", {
    body: { current_password: oneTimePassword, new_password: password },
  });
  assert.equal(changed.response.status, 204, JSON.stringify(changed.error));
  const token = await client.POST("/api/v1/auth/token", { body: { grant_type: "password", username, password } });
  assert.equal(token.response.status, 200, JSON.stringify(token.error));
  client.setToken(token.data!.access_token);
  return client;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (tests/scripts/clients.sh sets it)`);
  return value;
}
