//! `/api/v1/drives`: yearly registration drives. A commune (or a province, for its units)
//! opens a drive for a year and some models; registering is one call for many subjects and
//! creates their evaluations under the framework that applies; the drive shows, per unit,
//! registered against eligible and who has not registered yet.

use super::support::{audit, create_once, db, diff, encode_id_cursor, etag, file, format_of, if_match, today};
use crate::auth::Actor;
use crate::dto::{
    DriveDetail, DriveDto, DriveFigures, DriveFileQuery, DriveListQuery, DriveModelFigures, DrivePage,
    DriveRegistration, DriveRegistrationRequest, DriveRegistrationResult, LatePolicy, NewDriveRequest,
    RegistrationRequest, ReportFormat, UnregisteredList, UnregisteredQuery, UnregisteredSubject,
};
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::JsonBody;
use crate::framework_files::{table_csv, table_xlsx};
use crate::i18n::Rule;
use crate::registration::register_subject;
use crate::report_files::{CSV, XLSX};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};
use xhht_domain::{ModelKind, Permission, UnitLevel};
use xhht_persistence::drives::{self, Drive, NewDrive};
use xhht_persistence::{Conflict, DbConn, PersistenceError, Record, savepoint, units};

fn late_policy(drive: &Drive) -> LatePolicy {
    if drive.late_policy == "refuse" { LatePolicy::Refuse } else { LatePolicy::Flag }
}

/// One drive with its unit's name.
fn dto(conn: &mut DbConn, drive: &Drive) -> Result<DriveDto, ApiError> {
    Ok(dto_named(drive, units::get(conn, drive.unit_id)?.name))
}

fn dto_named(drive: &Drive, unit_name: String) -> DriveDto {
    let today = today();
    let state = if drive.closed_at.is_some() {
        "closed"
    } else if today < drive.opens_on {
        "upcoming"
    } else if today > drive.closes_on {
        "over"
    } else {
        "open"
    };
    DriveDto {
        id: drive.id,
        unit_id: drive.unit_id,
        unit_name,
        year: drive.year,
        title_vi: drive.title_vi.clone(),
        models: drive.model_kinds(),
        opens_on: drive.opens_on,
        closes_on: drive.closes_on,
        late_policy: late_policy(drive),
        target: drive.target,
        state: state.to_owned(),
        closed_at: drive.closed_at.map(|t| t.and_utc()),
        version: drive.version,
        created_at: drive.created_at.and_utc(),
    }
}

/// The drive, if the caller's units cover it.
fn readable(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<Drive, ApiError> {
    let drive = drives::get(conn, id)?;
    if actor.scope.can_read(&drive.unit_path) { Ok(drive) } else { Err(ApiError::NotFound(Record::Drive)) }
}

/// The names units went by on `day`: today's, or the former one for a unit renamed since.
fn unit_names(conn: &mut DbConn, ids: &[i64], day: NaiveDate) -> Result<HashMap<i64, String>, ApiError> {
    let mut names: HashMap<i64, String> = units::get_many(conn, ids)?.into_iter().map(|u| (u.id, u.name)).collect();
    names.extend(units::names_on(conn, ids, day)?);
    Ok(names)
}

/// The day the registries are looked at: today within the drive's year, else its last day.
fn census_day(drive: &Drive) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(drive.year, 12, 31).unwrap_or_else(today);
    today().min(last)
}

/// Opens a registration drive for a year and some models.
#[utoipa::path(
    operation_id = "openDrive", tag = "drives", request_body = NewDriveRequest, security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    responses(
        (status = 201, description = "The drive", body = DriveDto, headers(("Location" = String, description = "The drive's URL"))),
        (status = 409, description = "`unit_id` is not a commune or province in force (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn open_drive(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<NewDriveRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Register)?;
    body.validate()?;
    let body = body.into_inner();
    if body.closes_on < body.opens_on {
        return Err(ApiError::Validation(vec![FieldError::rule("closes_on", Rule::ClosesBeforeOpening)]));
    }
    let request = body.clone();
    create_once(&state, &req, "open_drive", actor.id, &body, "/api/v1/drives", move |conn| {
        let not_a_unit =
            || ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::NotAProvinceOrCommuneInForce)]);
        let unit = units::get(conn, request.unit_id).map_err(|e| match e {
            PersistenceError::NotFound(_) => not_a_unit(),
            other => other.into(),
        })?;
        if !matches!(unit.level, UnitLevel::Commune | UnitLevel::Province) || unit.valid_to.is_some() {
            return Err(not_a_unit());
        }
        actor.require_in(Permission::Register, &unit.path)?;
        let mut models = request.models.clone();
        models.sort_unstable();
        models.dedup();
        let drive = drives::create(
            conn,
            &NewDrive {
                unit_id: unit.id,
                unit_path: unit.path.clone(),
                year: request.year,
                title_vi: request.title_vi.clone(),
                models,
                opens_on: request.opens_on,
                closes_on: request.closes_on,
                late_policy: request.late_policy.as_str().to_owned(),
                target: request.target,
            },
        )?;
        let view = dto_named(&drive, unit.name.clone());
        audit(conn, &actor, "drive", drive.id, "open", Some(&unit), diff(None, Some(&view)))?;
        Ok(view)
    })
    .await
}

/// Lists the drives of the caller's units, newest first.
#[utoipa::path(
    operation_id = "listDrives", tag = "drives", params(DriveListQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of drives", body = DrivePage),
        (status = 404, description = "The `within` unit does not exist (`unit_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_drives(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<DriveListQuery>,
) -> Result<web::Json<DrivePage>, ApiError> {
    let q = query.into_inner();
    let (limit, before) = super::support::id_page(q.limit, &q.cursor)?;
    let page = db(&state, move |database| {
        database.read(|conn| {
            let within = q.within.map(|id| units::get(conn, id).map(|u| u.path)).transpose()?;
            let roots = (!actor.scope.nationwide).then(|| actor.scope.read.clone());
            let rows = drives::list(conn, roots.as_deref(), within.as_deref(), q.year, before, limit)?;
            let next_cursor =
                (rows.len() as i64 == limit).then(|| rows.last().map(|d| encode_id_cursor(d.id))).flatten();
            // The units' names in one read, not one a drive.
            let ids: Vec<i64> = rows.iter().map(|d| d.unit_id).collect();
            let names: HashMap<i64, String> =
                units::get_many(conn, &ids)?.into_iter().map(|u| (u.id, u.name)).collect();
            let items = rows.iter().map(|d| dto_named(d, names.get(&d.unit_id).cloned().unwrap_or_default())).collect();
            Ok::<_, ApiError>(DrivePage { items, next_cursor })
        })
    })
    .await?;
    Ok(web::Json(page))
}

/// Figures of one model: eligible, registered, late, recognised, by the unit subjects are
/// filed in, with the total first.
fn model_figures(conn: &mut DbConn, drive: &Drive, model: ModelKind) -> Result<DriveModelFigures, ApiError> {
    let (kind, level) = model.subject();
    let eligible = drives::eligible(conn, kind, level, &drive.unit_path, census_day(drive))?;
    let registered: Vec<_> =
        drives::registered(conn, drive)?.into_iter().filter(|r| r.model_kind == model.as_str()).collect();
    let mut rows: BTreeMap<i64, DriveFigures> = BTreeMap::new();
    let blank = |unit_id: Option<i64>| DriveFigures {
        unit_id,
        unit_name: String::new(),
        eligible: 0,
        registered: 0,
        registered_late: 0,
        not_registered: 0,
        recognised: 0,
        share_registered: None,
    };
    // Registrations count where the subject is filed now, and only for subjects the drive
    // asks: a deleted record's evaluation stays in the workflow but not in the drive's figures.
    let by_subject: HashMap<i64, &drives::Registered> = registered.iter().map(|r| (r.subject_id, r)).collect();
    for e in &eligible {
        let row = rows.entry(e.unit_id).or_insert_with(|| blank(Some(e.unit_id)));
        row.eligible += 1;
        match by_subject.get(&e.subject_id) {
            Some(r) => {
                row.registered += 1;
                row.registered_late += i64::from(r.through_drive == Some(true));
                row.recognised += i64::from(r.status == "recognised");
            }
            None => row.not_registered += 1,
        }
    }
    let ids: Vec<i64> = rows.keys().copied().collect();
    let names = unit_names(conn, &ids, census_day(drive))?;
    let mut total = blank(None);
    total.unit_name = units::get(conn, drive.unit_id)?.name;
    let share =
        |f: &DriveFigures| (f.eligible > 0).then(|| (f.registered as f64 * 1000.0 / f.eligible as f64).round() / 10.0);
    let mut units_out = Vec::with_capacity(rows.len());
    for (id, mut row) in rows {
        row.unit_name = names.get(&id).cloned().unwrap_or_default();
        row.share_registered = share(&row);
        total.eligible += row.eligible;
        total.registered += row.registered;
        total.registered_late += row.registered_late;
        total.not_registered += row.not_registered;
        total.recognised += row.recognised;
        units_out.push(row);
    }
    total.share_registered = share(&total);
    Ok(DriveModelFigures { model_kind: model, title_vi: model.name_vi().to_owned(), total, units: units_out })
}

const FIGURE_HEADINGS: [&str; 9] = [
    "Mô hình",
    "Mã đơn vị",
    "Đơn vị",
    "Đối tượng",
    "Đã đăng ký",
    "Đăng ký muộn",
    "Chưa đăng ký",
    "Được công nhận",
    "Tỉ lệ đăng ký (%)",
];

fn figure_cells(model: &str, f: &DriveFigures) -> Vec<String> {
    vec![
        model.to_owned(),
        f.unit_id.map(|id| id.to_string()).unwrap_or_default(),
        f.unit_name.clone(),
        f.eligible.to_string(),
        f.registered.to_string(),
        f.registered_late.to_string(),
        f.not_registered.to_string(),
        f.recognised.to_string(),
        f.share_registered.map(|s| s.to_string()).unwrap_or_default(),
    ]
}

/// A drive with its figures per model and unit: registered against eligible, late,
/// recognised. JSON, CSV or XLSX.
#[utoipa::path(
    operation_id = "getDrive", tag = "drives", params(("id" = i64, Path, description = "Drive id"), DriveFileQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The drive and its figures", content(
            (DriveDetail = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ), headers(("ETag" = String, description = "The drive's version, for If-Match on closing"))),
        (status = 404, description = "No such drive in the caller's units (`drive_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_drive(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    query: web::Query<DriveFileQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let format = format_of(&req, query.format);
    let detail = db(&state, move |database| {
        database.read(|conn| {
            let drive = readable(conn, &actor, id)?;
            let figures =
                drive.model_kinds().into_iter().map(|m| model_figures(conn, &drive, m)).collect::<Result<_, _>>()?;
            Ok::<_, ApiError>(DriveDetail { drive: dto(conn, &drive)?, figures })
        })
    })
    .await?;
    let rows: Vec<Vec<String>> = detail
        .figures
        .iter()
        .flat_map(|m| {
            let mut total = m.total.clone();
            total.unit_name = format!("Tổng: {}", total.unit_name);
            m.units
                .iter()
                .map(|f| figure_cells(&m.title_vi, f))
                .chain(std::iter::once(figure_cells(&m.title_vi, &total)))
                .collect::<Vec<_>>()
        })
        .collect();
    let name = format!("dot-dang-ky-{}-{}", detail.drive.id, detail.drive.year);
    let mut response = match format {
        ReportFormat::Json => HttpResponse::Ok().json(&detail),
        ReportFormat::Csv => file(table_csv(&FIGURE_HEADINGS, &rows)?, CSV, format!("{name}.csv")),
        ReportFormat::Xlsx => {
            let title = format!("{} — {} ({})", detail.drive.title_vi, detail.drive.unit_name, detail.drive.year);
            file(table_xlsx(&title, "Đăng ký", &FIGURE_HEADINGS, &rows)?, XLSX, format!("{name}.xlsx"))
        }
    };
    response.headers_mut().insert(header::ETAG, etag(detail.drive.version));
    Ok(response)
}

/// The drive's model, or a 409 naming `field`: the request is sound, the drive runs others.
fn drive_model(drive: &Drive, model: ModelKind, field: &'static str) -> Result<(), ApiError> {
    if drive.model_kinds().contains(&model) {
        Ok(())
    } else {
        Err(ApiError::ReferenceConflict(vec![FieldError::rule(field, Rule::ModelNotInDrive)]))
    }
}

/// Who has not registered yet for one model of the drive, by unit: the list a commune calls on.
#[utoipa::path(
    operation_id = "listUnregistered", tag = "drives", params(("id" = i64, Path, description = "Drive id"), UnregisteredQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The subjects not registered", content(
            (UnregisteredList = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 404, description = "No such drive in the caller's units (`drive_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The drive does not run this model (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/unregistered")]
pub async fn list_unregistered(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    query: web::Query<UnregisteredQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, q) = (id.into_inner(), query.into_inner());
    let format = format_of(&req, q.format);
    let model = q.model_kind;
    let list = db(&state, move |database| {
        database.read(|conn| {
            let drive = readable(conn, &actor, id)?;
            drive_model(&drive, model, "model_kind")?;
            let (kind, level) = model.subject();
            let registered: HashSet<i64> = drives::registered(conn, &drive)?
                .into_iter()
                .filter(|r| r.model_kind == model.as_str())
                .map(|r| r.subject_id)
                .collect();
            let waiting: Vec<_> = drives::eligible(conn, kind, level, &drive.unit_path, census_day(&drive))?
                .into_iter()
                .filter(|e| !registered.contains(&e.subject_id) && q.unit.is_none_or(|u| u == e.unit_id))
                .collect();
            let unit_ids: Vec<i64> = waiting.iter().map(|e| e.unit_id).collect();
            let names = unit_names(conn, &unit_ids, census_day(&drive))?;
            let items = waiting
                .into_iter()
                .map(|e| UnregisteredSubject {
                    subject_type: kind,
                    subject_id: e.subject_id,
                    name: e.name,
                    unit_id: e.unit_id,
                    unit_name: names.get(&e.unit_id).cloned().unwrap_or_default(),
                })
                .collect();
            Ok::<_, ApiError>(UnregisteredList { drive_id: drive.id, model_kind: model, items })
        })
    })
    .await?;
    let headings = ["Mã đối tượng", "Tên", "Mã đơn vị", "Đơn vị"];
    let rows: Vec<Vec<String>> = list
        .items
        .iter()
        .map(|s| vec![s.subject_id.to_string(), s.name.clone(), s.unit_id.to_string(), s.unit_name.clone()])
        .collect();
    let name = format!("chua-dang-ky-{}-{}", list.drive_id, model.as_str());
    Ok(match format {
        ReportFormat::Json => HttpResponse::Ok().json(&list),
        ReportFormat::Csv => file(table_csv(&headings, &rows)?, CSV, format!("{name}.csv")),
        ReportFormat::Xlsx => {
            let title = format!("Chưa đăng ký danh hiệu “{}”", model.name_vi());
            file(table_xlsx(&title, "Chưa đăng ký", &headings, &rows)?, XLSX, format!("{name}.xlsx"))
        }
    })
}

/// Registers many subjects for one of the drive's models in one call: those named, and every
/// eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation for the drive's year under the
/// framework that applies where it is; subjects registered already are listed, not
/// registered twice, so the call is safe to repeat. All or nothing.
#[utoipa::path(
    operation_id = "registerInDrive", tag = "drives", request_body = DriveRegistrationRequest,
    params(("id" = i64, Path, description = "Drive id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "What was registered, and what was already", body = DriveRegistrationResult),
        (status = 404, description = "No such drive in the caller's units (`drive_not_found`), or no published framework applies (`no_applicable_framework`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The drive is closed, or past its closing date and refusing late registrations (`drive_closed`), or not open yet (`drive_not_open`); a subject or the unit is not in the drive's units, a subject is not of the model's kind, or the drive does not run the model (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/registrations")]
pub async fn register_in_drive(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<DriveRegistrationRequest>,
) -> Result<web::Json<DriveRegistrationResult>, ApiError> {
    actor.require(Permission::Register)?;
    body.validate()?;
    let (id, request) = (id.into_inner(), body.into_inner());
    let app = state.clone();
    let result = db(&state, move |database| {
        database.write(|conn| {
            let drive = readable(conn, &actor, id)?;
            let today = today();
            if drive.closed_at.is_some() {
                return Err(PersistenceError::Conflict(Conflict::DriveClosed).into());
            }
            if today < drive.opens_on {
                return Err(PersistenceError::Conflict(Conflict::DriveNotOpen).into());
            }
            let late = today > drive.closes_on;
            if late && late_policy(&drive) == LatePolicy::Refuse {
                return Err(PersistenceError::Conflict(Conflict::DriveClosed).into());
            }
            let model = request.model_kind;
            drive_model(&drive, model, "model_kind")?;
            let (kind, level) = model.subject();
            let eligible: HashMap<i64, i64> =
                drives::eligible(conn, kind, level, &drive.unit_path, census_day(&drive))?
                    .into_iter()
                    .map(|e| (e.subject_id, e.unit_id))
                    .collect();
            // Those named, and every eligible one of the unit; with neither, everyone the drive asks.
            let mut subjects: Vec<i64> = Vec::new();
            if let Some(ids) = &request.subject_ids {
                let outside: Vec<FieldError> = ids
                    .iter()
                    .enumerate()
                    .filter(|(_, id)| !eligible.contains_key(id))
                    .map(|(i, _)| FieldError::rule(format!("subject_ids[{i}]"), Rule::NotInDrive))
                    .collect();
                if !outside.is_empty() {
                    return Err(ApiError::ReferenceConflict(outside));
                }
                subjects.extend(ids);
            }
            if let Some(unit) = request.unit_id {
                let inside = units::get(conn, unit).is_ok_and(|u| u.path.starts_with(&drive.unit_path));
                if !inside {
                    return Err(ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::NotInDrive)]));
                }
                subjects.extend(eligible.iter().filter(|(_, u)| **u == unit).map(|(id, _)| *id));
            }
            if request.subject_ids.is_none() && request.unit_id.is_none() {
                subjects.extend(eligible.keys());
            }
            subjects.sort_unstable();
            subjects.dedup();
            let before: HashMap<i64, i64> = drives::registered(conn, &drive)?
                .into_iter()
                .filter(|r| r.model_kind == model.as_str())
                .map(|r| (r.subject_id, r.evaluation_id))
                .collect();
            let (mut registered, mut already) = (Vec::new(), Vec::new());
            for subject_id in subjects {
                if let Some(&evaluation_id) = before.get(&subject_id) {
                    already.push(DriveRegistration { subject_id, evaluation_id });
                    continue;
                }
                let registration = RegistrationRequest {
                    subject_type: kind,
                    subject_id,
                    framework_id: None,
                    model_kind: Some(model),
                    year: drive.year,
                    requested_level: None,
                };
                // In a savepoint: a subject registered at the same moment by another request
                // (or filed under a unit outside the drive) is reported, not a failed batch.
                match savepoint(conn, |conn| register_subject(conn, &app, &actor, &registration)) {
                    Ok(ev) => {
                        drives::record_registration(conn, drive.id, ev.id, late)?;
                        registered.push(DriveRegistration { subject_id, evaluation_id: ev.id });
                    }
                    Err(ApiError::Conflict(Conflict::AlreadyRegistered)) => {
                        let evaluation_id = drives::evaluation_of(conn, kind, subject_id, model, drive.year)?;
                        already.push(DriveRegistration { subject_id, evaluation_id });
                    }
                    Err(e) => return Err(e),
                }
            }
            Ok(DriveRegistrationResult {
                drive_id: drive.id,
                model_kind: model,
                registered,
                already_registered: already,
                late,
            })
        })
    })
    .await?;
    Ok(web::Json(result))
}

/// Closes a drive; later registrations are refused. Needs `If-Match`.
#[utoipa::path(
    operation_id = "closeDrive", tag = "drives",
    params(("id" = i64, Path, description = "Drive id"), ("If-Match" = String, Header, description = "The drive's ETag")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The closed drive", body = DriveDto),
        (status = 404, description = "No such drive in the caller's units (`drive_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closed already (`drive_closed`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The drive changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/close")]
pub async fn close_drive(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Register)?;
    let expected = if_match(&req)?;
    let id = id.into_inner();
    let view = db(&state, move |database| {
        database.write(|conn| {
            let before = readable(conn, &actor, id)?;
            actor.require_in(Permission::Register, &before.unit_path)?;
            let after = drives::close(conn, id, expected)?;
            let unit = units::get(conn, after.unit_id)?;
            let (b, a) = (dto_named(&before, unit.name.clone()), dto_named(&after, unit.name.clone()));
            audit(conn, &actor, "drive", id, "close", Some(&unit), diff(Some(&b), Some(&a)))?;
            Ok::<_, ApiError>(a)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(view.version))).json(view))
}
