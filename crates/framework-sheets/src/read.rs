//! Workbook → framework. Every cell that cannot be read is reported, not only the first.

use crate::layout::{FIELDS, GENERAL, GROUPS, INDICATORS, LEGAL, READ, RESULT, Sheet};
use crate::{CellError, CellRef, Place, Workbook};
use calamine::{Data, Xlsx};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::io::Cursor;
use xhht_evaluation::{
    Confidence, ConfidenceNote, Cycle, Framework, FrameworkRef, Group, Indicator, LegalDocument, LevelName,
    LevelThresholds, Measure, MeasureKind, PassLevel, PointBand, ResultRule, RoleAssignment, Variant,
};

/// One sheet's rows, with its columns found by key.
struct Table {
    sheet: &'static str,
    /// Column key → index.
    columns: Vec<(&'static str, u16)>,
    /// (1-based row number, cells) of every non-empty row after the headings.
    rows: Vec<(u32, Vec<Data>)>,
}

/// A cell being read: where it is and what it holds.
struct Cell<'a> {
    at: CellRef,
    data: Option<&'a Data>,
}

struct Reading {
    errors: Vec<CellError>,
}

impl Reading {
    fn error(&mut self, at: CellRef, code: &'static str, vi: String, en: String) {
        match self.errors.len() {
            n if n < MAX_ERRORS => self.errors.push(CellError { at, code, message_vi: vi, message_en: en }),
            n if n == MAX_ERRORS => self.errors.push(CellError {
                at: CellRef { sheet: at.sheet, row: 0, column: None },
                code: "too_many_errors",
                message_vi: format!("Còn lỗi khác; chỉ nêu {MAX_ERRORS} lỗi đầu"),
                message_en: format!("There are more errors; only the first {MAX_ERRORS} are listed"),
            }),
            _ => {}
        }
    }

    fn invalid(&mut self, cell: &Cell, vi: &str, en: &str) {
        let shown = cell.data.map(shown).unwrap_or_default();
        self.error(
            cell.at.clone(),
            "invalid_cell",
            format!("{}: giá trị “{shown}” không hợp lệ, {vi}", cell.at.describe_vi()),
            format!("{}: the value “{shown}” is not valid, {en}", cell.at.describe_en()),
        );
    }

    fn text(&mut self, cell: &Cell) -> Option<String> {
        match cell.data? {
            Data::Empty => None,
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                let s = s.trim();
                (!s.is_empty()).then(|| s.to_owned())
            }
            Data::Int(n) => Some(n.to_string()),
            Data::Float(n) => Some(number_text(*n)),
            Data::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.to_owned()),
            Data::DateTime(d) => Some(number_text(d.as_f64())),
            Data::Error(_) => {
                self.invalid(cell, "ô có lỗi công thức", "the cell holds a formula error");
                None
            }
        }
    }

    fn required_text(&mut self, cell: &Cell) -> String {
        self.text(cell).unwrap_or_else(|| {
            self.error(
                cell.at.clone(),
                "empty_cell",
                format!("{}: ô này phải có nội dung", cell.at.describe_vi()),
                format!("{}: this cell must not be empty", cell.at.describe_en()),
            );
            String::new()
        })
    }

    fn lines(&mut self, cell: &Cell) -> Vec<String> {
        let Some(text) = self.text(cell) else { return Vec::new() };
        // One item per line, as the workbook is written (Alt+Enter in Excel).
        text.lines().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    }

    fn number(&mut self, cell: &Cell) -> Option<f64> {
        let parsed = match cell.data? {
            Data::Empty => return None,
            Data::Int(n) => Some(*n as f64),
            Data::Float(n) => Some(*n),
            Data::String(s) if s.trim().is_empty() => return None,
            // Vietnamese writes 7,5 for 7.5.
            Data::String(s) => s.trim().replace(',', ".").parse::<f64>().ok(),
            _ => None,
        };
        if parsed.is_none_or(|n| !n.is_finite()) {
            self.invalid(cell, "cần một số", "a number is expected");
            return None;
        }
        parsed
    }

    fn whole(&mut self, cell: &Cell, max: f64) -> Option<u64> {
        let n = self.number(cell)?;
        if n.fract() != 0.0 || n < 0.0 || n > max {
            self.invalid(cell, "cần một số nguyên không âm", "a whole number of 0 or more is expected");
            return None;
        }
        Some(n as u64)
    }

    fn small(&mut self, cell: &Cell) -> Option<u32> {
        self.whole(cell, f64::from(u32::MAX)).and_then(|n| u32::try_from(n).ok())
    }

    fn boolean(&mut self, cell: &Cell) -> Option<bool> {
        let parsed = match cell.data? {
            Data::Empty => return None,
            Data::Bool(b) => Some(*b),
            Data::Int(n) => match n {
                0 => Some(false),
                1 => Some(true),
                _ => None,
            },
            Data::Float(n) if *n == 0.0 => Some(false),
            Data::Float(n) if *n == 1.0 => Some(true),
            Data::String(s) => match s.trim().to_lowercase().as_str() {
                "" => return None,
                "true" | "có" | "yes" | "x" => Some(true),
                "false" | "không" | "no" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if parsed.is_none() {
            self.invalid(cell, "cần TRUE/FALSE (có/không)", "TRUE/FALSE (có/không) is expected");
        }
        parsed
    }

    fn date(&mut self, cell: &Cell) -> Option<NaiveDate> {
        let parsed = match cell.data? {
            Data::Empty => return None,
            Data::DateTime(d) => excel_date(d.as_f64()),
            Data::Float(n) => excel_date(*n),
            Data::Int(n) => excel_date(*n as f64),
            Data::String(s) | Data::DateTimeIso(s) => {
                let s = s.trim();
                if s.is_empty() {
                    return None;
                }
                let day = s.get(..10).unwrap_or(s);
                NaiveDate::parse_from_str(day, "%Y-%m-%d")
                    .ok()
                    .or_else(|| NaiveDate::parse_from_str(s, "%d/%m/%Y").ok())
            }
            _ => None,
        };
        if parsed.is_none() {
            self.invalid(
                cell,
                "cần một ngày dạng yyyy-mm-dd hoặc dd/mm/yyyy",
                "a date as yyyy-mm-dd or dd/mm/yyyy is expected",
            );
        }
        parsed
    }

    /// A value of a snake_case enumeration, as in the JSON document.
    fn key<T: DeserializeOwned>(&mut self, cell: &Cell, allowed: &[&str]) -> Option<T> {
        let text = self.text(cell)?;
        let parsed = serde_json::from_value(serde_json::Value::String(text.clone())).ok();
        if parsed.is_none() {
            let list = allowed.join(", ");
            self.error(
                cell.at.clone(),
                "unknown_value",
                format!("{}: “{text}” không phải một trong các giá trị {list}", cell.at.describe_vi()),
                format!("{}: “{text}” is not one of {list}", cell.at.describe_en()),
            );
        }
        parsed
    }

    /// A cell that must stay empty for this kind of row.
    fn unused(&mut self, cell: &Cell, why_vi: &str, why_en: &str) {
        if cell.data.is_some_and(|d| !matches!(d, Data::Empty) && !matches!(d, Data::String(s) if s.trim().is_empty()))
        {
            self.error(
                cell.at.clone(),
                "cell_not_used",
                format!("{}: ô này phải để trống ({why_vi})", cell.at.describe_vi()),
                format!("{}: this cell must be empty ({why_en})", cell.at.describe_en()),
            );
        }
    }
}

fn shown(data: &Data) -> String {
    match data {
        Data::Float(n) => number_text(*n),
        other => other.to_string(),
    }
}

/// 12.0 → "12", 7.5 → "7.5".
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { n.to_string() }
}

/// An Excel date serial (1900 system) as a date.
fn excel_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

impl Table {
    fn cell<'a>(&self, row: &'a (u32, Vec<Data>), key: &str) -> Cell<'a> {
        // Every key of the layout is looked up by the code, so a missing one is a missing column,
        // reported when the table was read.
        let column = self.columns.iter().find(|(k, _)| *k == key).map(|(_, c)| *c);
        Cell {
            at: CellRef { sheet: self.sheet, row: row.0, column },
            data: column.and_then(|c| row.1.get(usize::from(c))),
        }
    }

    fn place(&self, pointer: String, row: u32) -> Place {
        Place { pointer, sheet: self.sheet, row, columns: self.columns.clone() }
    }
}

/// The key of a heading: the text in the last brackets, or the whole heading.
fn heading_key(heading: &str) -> String {
    let heading = heading.trim();
    match (heading.rfind('('), heading.ends_with(')')) {
        (Some(open), true) => heading[open + 1..heading.len() - 1].trim().to_owned(),
        _ => heading.to_owned(),
    }
}

/// Bounds of what a framework workbook may hold: a framework has tens of rows, and a sheet of a
/// million rows or a workbook that unpacks to gigabytes is refused before it is read.
const MAX_ROWS: u32 = 20_000;
const MAX_COLUMNS: u32 = 64;
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// Findings reported at most; a sheet that is wrong throughout needs fixing, not a longer list.
const MAX_ERRORS: usize = 200;
/// Sub-groups may nest this deep (tiêu chuẩn → tiêu chí → chỉ tiêu needs three).
const MAX_DEPTH: usize = 8;

fn unreadable(detail: impl std::fmt::Display) -> CellError {
    CellError {
        at: CellRef { sheet: "", row: 0, column: None },
        code: "unreadable_workbook",
        message_vi: "Không đọc được tệp: tệp hỏng hoặc không phải bảng tính Excel (.xlsx)".to_owned(),
        message_en: format!("The file cannot be read as an Excel workbook (.xlsx): {detail}"),
    }
}

/// The workbook's parts would unpack to more than [`MAX_UNPACKED_BYTES`].
fn too_big_unpacked(bytes: &[u8]) -> Result<(), CellError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        // The central directory's sizes; the entries are not unpacked here.
        declared = declared.saturating_add(archive.by_index_raw(i).map_err(unreadable)?.size());
    }
    if declared > MAX_UNPACKED_BYTES {
        return Err(CellError {
            at: CellRef { sheet: "", row: 0, column: None },
            code: "workbook_too_large",
            message_vi: format!(
                "Tệp giải nén ra quá {} MB; bộ tiêu chí không cần lớn như vậy",
                MAX_UNPACKED_BYTES >> 20
            ),
            message_en: format!(
                "The workbook unpacks to more than {} MB; a framework needs far less",
                MAX_UNPACKED_BYTES >> 20
            ),
        });
    }
    Ok(())
}

/// A sheet's cells as rows of cells, absolute positions kept; `None` when there is no such sheet.
fn cells(book: &mut Xlsx<Cursor<&[u8]>>, name: &'static str) -> Result<Option<Vec<Vec<Data>>>, CellError> {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(calamine::XlsxError::WorksheetNotFound(_)) => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    let mut rows: Vec<Vec<Data>> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (r, c) = cell.get_position();
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return Err(CellError {
                at: CellRef { sheet: name, row: 0, column: None },
                code: "sheet_too_large",
                message_vi: format!("Trang “{name}” quá lớn: tối đa {MAX_ROWS} dòng và {MAX_COLUMNS} cột"),
                message_en: format!("Sheet “{name}” is too large: at most {MAX_ROWS} rows and {MAX_COLUMNS} columns"),
            });
        }
        let value = Data::from(cell.get_value().clone());
        if is_blank(&value) {
            continue;
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, Data::Empty);
        }
        rows[r][c] = value;
    }
    Ok(Some(rows))
}

fn is_blank(data: &Data) -> bool {
    matches!(data, Data::Empty) || matches!(data, Data::String(s) if s.trim().is_empty())
}

fn table(book: &mut Xlsx<Cursor<&[u8]>>, layout: &'static Sheet, reading: &mut Reading) -> Option<Table> {
    let grid = match cells(book, layout.name) {
        Ok(Some(grid)) => grid,
        Ok(None) if !layout.required => {
            return Some(Table { sheet: layout.name, columns: Vec::new(), rows: Vec::new() });
        }
        Ok(None) => {
            reading.error(
                CellRef { sheet: layout.name, row: 0, column: None },
                "missing_sheet",
                format!("Tệp thiếu trang “{}”", layout.name),
                format!("The workbook has no sheet “{}”", layout.name),
            );
            return None;
        }
        Err(e) => {
            reading.errors.push(e);
            return None;
        }
    };
    // The headings are the first row with anything in it.
    let Some(heading_row) = grid.iter().position(|r| r.iter().any(|d| !is_blank(d))) else {
        return Some(Table { sheet: layout.name, columns: Vec::new(), rows: Vec::new() })
            .filter(|_| !layout.required)
            .or_else(|| {
                reading.error(
                    CellRef { sheet: layout.name, row: 1, column: None },
                    "missing_column",
                    format!("Trang “{}” trống, thiếu dòng tên cột", layout.name),
                    format!("Sheet “{}” is empty: the headings are missing", layout.name),
                );
                None
            });
    };
    let headings: Vec<String> = grid[heading_row].iter().map(|d| heading_key(&d.to_string())).collect();
    let mut columns = Vec::new();
    let mut absent = Vec::new();
    for column in layout.columns {
        match headings.iter().position(|h| h == column.key) {
            Some(i) => columns.push((column.key, u16::try_from(i).unwrap_or(u16::MAX))),
            None => absent.push(column.key),
        }
    }
    if !absent.is_empty() {
        let expected: Vec<String> = layout.columns.iter().map(|c| format!("{} ({})", c.label_vi, c.key)).collect();
        reading.error(
            CellRef { sheet: layout.name, row: u32::try_from(heading_row + 1).unwrap_or(1), column: None },
            "missing_column",
            format!("Trang “{}” thiếu cột {}; các cột cần có: {}", layout.name, absent.join(", "), expected.join("; ")),
            format!(
                "Sheet “{}” lacks the column(s) {}; expected: {}",
                layout.name,
                absent.join(", "),
                expected.join("; ")
            ),
        );
        return None;
    }
    let rows = grid
        .into_iter()
        .enumerate()
        .skip(heading_row + 1)
        .filter(|(_, cells)| cells.iter().any(|d| !is_blank(d)))
        .map(|(i, cells)| (u32::try_from(i + 1).unwrap_or(u32::MAX), cells))
        .collect();
    Some(Table { sheet: layout.name, columns, rows })
}

/// Reads a workbook written by [`crate::write`] (and edited by a person) back into a framework.
/// The framework is not validated: see [`Workbook::locate`] to report `validate`'s findings.
pub fn read(bytes: &[u8]) -> Result<Workbook, Vec<CellError>> {
    // A damaged file can make the workbook library panic (an overflowing cell reference, found
    // by fuzzing): that file is unreadable, not a crash.
    std::panic::catch_unwind(|| read_unchecked(bytes))
        .unwrap_or_else(|_| Err(vec![unreadable("the workbook library could not read its structure")]))
}

fn read_unchecked(bytes: &[u8]) -> Result<Workbook, Vec<CellError>> {
    let mut reading = Reading { errors: Vec::new() };
    too_big_unpacked(bytes).map_err(|e| vec![e])?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| vec![unreadable(e)])?;
    let tables: Vec<Option<Table>> = READ.iter().map(|layout| table(&mut book, layout, &mut reading)).collect();
    let [
        Some(general),
        Some(legal),
        Some(roles),
        Some(groups),
        Some(indicators),
        Some(variants),
        Some(result),
        Some(missing),
        Some(notes),
    ] = <[Option<Table>; 9]>::try_from(tables).unwrap_or_else(|_| std::array::from_fn(|_| None))
    else {
        return Err(reading.errors);
    };
    // Whole lists first, so that a finding about a list (an empty one, say) names its sheet.
    let mut places: Vec<Place> = [
        ("/legal_basis", &legal),
        ("/related_documents", &legal),
        ("/applicants", &roles),
        ("/recognisers", &roles),
        ("/groups", &groups),
        ("/result", &result),
        ("/missing", &missing),
        ("/confidence_notes", &notes),
    ]
    .into_iter()
    .map(|(pointer, table)| table.place(pointer.into(), 0))
    .collect();
    let framework = assemble(
        &mut reading,
        &mut places,
        Tables { general, legal, roles, groups, indicators, variants, result, missing, notes },
    );
    match framework {
        Some(framework) if reading.errors.is_empty() => Ok(Workbook { framework, places }),
        _ if reading.errors.is_empty() => Err(vec![CellError {
            at: CellRef { sheet: GENERAL.name, row: 0, column: None },
            code: "invalid_cell",
            message_vi: "Tệp không đủ để tạo bộ tiêu chí".into(),
            message_en: "The workbook does not make a framework".into(),
        }]),
        _ => Err(reading.errors),
    }
}

struct Tables {
    general: Table,
    legal: Table,
    roles: Table,
    groups: Table,
    indicators: Table,
    variants: Table,
    result: Table,
    missing: Table,
    notes: Table,
}

fn assemble(r: &mut Reading, places: &mut Vec<Place>, t: Tables) -> Option<Framework> {
    // General fields, by the key in the first column.
    let mut fields: HashMap<String, &(u32, Vec<Data>)> = HashMap::new();
    for row in &t.general.rows {
        let cell = t.general.cell(row, "field");
        let Some(field) = r.text(&cell) else { continue };
        if !FIELDS.iter().any(|(f, _)| *f == field) {
            r.error(
                cell.at.clone(),
                "unknown_value",
                format!("{}: không có trường “{field}”", cell.at.describe_vi()),
                format!("{}: there is no field “{field}”", cell.at.describe_en()),
            );
            continue;
        }
        if fields.contains_key(&field) {
            r.error(
                cell.at.clone(),
                "duplicate_row",
                format!("{}: trường “{field}” đã có ở dòng trên", cell.at.describe_vi()),
                format!("{}: the field “{field}” is given in a row above already", cell.at.describe_en()),
            );
            continue;
        }
        places.push(t.general.place(format!("/{}", field.replace('.', "/")), row.0));
        fields.insert(field, row);
    }
    let value = |field: &str| -> Cell<'_> {
        match fields.get(field) {
            Some(row) => t.general.cell(row, "value"),
            None => Cell { at: CellRef { sheet: GENERAL.name, row: 0, column: None }, data: None },
        }
    };
    let required = |r: &mut Reading, field: &str| {
        if !fields.contains_key(field) {
            r.error(
                CellRef { sheet: GENERAL.name, row: 0, column: None },
                "missing_row",
                format!("Trang “{}” thiếu dòng “{field}”", GENERAL.name),
                format!("Sheet “{}” lacks the row “{field}”", GENERAL.name),
            );
        }
    };
    for field in ["id", "name_vi", "model_kind", "status"] {
        required(r, field);
    }
    let id = r.required_text(&value("id"));
    let version = r.small(&value("version")).unwrap_or(1);
    for field in ["status", "model_kind"] {
        if fields.contains_key(field) && r.text(&value(field)).is_none() {
            r.required_text(&value(field));
        }
    }
    let status = r.key(&value("status"), &["draft", "published", "retired"]);
    let name_vi = r.required_text(&value("name_vi"));
    let name_en = r.text(&value("name_en"));
    let model_kind = r.key(&value("model_kind"), &MODEL_KINDS);
    let target_group = r.key(&value("target_group"), &["resident", "worker", "staff_business", "learner"]);
    let territorial_level = r.key(&value("territorial_level"), &["village", "commune", "district", "province"]);
    let supersedes = r.text(&value("supersedes"));
    let template = r.boolean(&value("template")).unwrap_or(false);
    let adopted_id = r.text(&value("adopted_from.id"));
    let adopted_version = r.small(&value("adopted_from.version"));
    let adopted_from = match (adopted_id, adopted_version) {
        (Some(id), Some(version)) => Some(FrameworkRef { id, version }),
        (None, None) => None,
        (_, _) => {
            r.invalid(
                &value("adopted_from.version"),
                "cần cả mã và phiên bản",
                "both the id and the version are needed",
            );
            None
        }
    };
    let valid_from = r.date(&value("valid_from"));
    let valid_to = r.date(&value("valid_to"));
    let cycle = Cycle {
        period: r.key(&value("cycle.period"), &["calendar_year"]).unwrap_or_default(),
        filing_deadline: r
            .text(&value("cycle.filing_deadline"))
            .and_then(|s| month_day(r, &value("cycle.filing_deadline"), s)),
        decision_deadline: r
            .text(&value("cycle.decision_deadline"))
            .and_then(|s| month_day(r, &value("cycle.decision_deadline"), s)),
        late_policy: r.key(&value("cycle.late_policy"), &["flag", "refuse"]).unwrap_or_default(),
    };
    let retained = r.small(&value("retained_years_after_recognition_year"));
    let accepts_partial_answers = r.boolean(&value("accepts_partial_answers")).unwrap_or(false);

    // Legal basis and related documents.
    let mut legal_basis = None;
    let mut related_documents = Vec::new();
    for row in &t.legal.rows {
        let role_cell = t.legal.cell(row, "role");
        let role = r.text(&role_cell);
        let document = LegalDocument {
            number: r.required_text(&t.legal.cell(row, "number")),
            title_vi: r.text(&t.legal.cell(row, "title_vi")),
            issuer_vi: r.required_text(&t.legal.cell(row, "issuer_vi")),
            issued_on: r.date(&t.legal.cell(row, "issued_on")),
            in_force_from: r.date(&t.legal.cell(row, "in_force_from")),
            articles: r.lines(&t.legal.cell(row, "articles")),
            signer_vi: r.text(&t.legal.cell(row, "signer_vi")),
        };
        match role.as_deref() {
            Some("legal_basis") if legal_basis.is_none() => {
                places.push(t.legal.place("/legal_basis".into(), row.0));
                legal_basis = Some(document);
            }
            Some("legal_basis") => r.error(
                role_cell.at.clone(),
                "duplicate_row",
                format!("{}: chỉ có một căn cứ pháp lý chính (legal_basis)", role_cell.at.describe_vi()),
                format!("{}: there is only one legal basis (legal_basis)", role_cell.at.describe_en()),
            ),
            Some("related") => {
                places.push(t.legal.place(format!("/related_documents/{}", related_documents.len()), row.0));
                related_documents.push(document);
            }
            _ => r.invalid(&role_cell, "cần legal_basis hoặc related", "legal_basis or related is expected"),
        }
    }
    if legal_basis.is_none() {
        r.error(
            CellRef { sheet: LEGAL.name, row: 0, column: None },
            "missing_row",
            format!("Trang “{}” thiếu dòng căn cứ pháp lý chính (legal_basis)", LEGAL.name),
            format!("Sheet “{}” lacks the legal basis row (legal_basis)", LEGAL.name),
        );
    }

    // Applicants and recognisers.
    let mut applicants = Vec::new();
    let mut recognisers = Vec::new();
    for row in &t.roles.rows {
        let role_cell = t.roles.cell(row, "role");
        let role = r.text(&role_cell);
        let assignment = RoleAssignment {
            role_vi: r.text(&t.roles.cell(row, "role_vi")),
            valid_from: r.date(&t.roles.cell(row, "valid_from")),
            valid_to: r.date(&t.roles.cell(row, "valid_to")),
            confidence: r.key(&t.roles.cell(row, "confidence"), &CONFIDENCE).unwrap_or(Confidence::NotFound),
            note_vi: r.text(&t.roles.cell(row, "note_vi")),
        };
        let confidence_cell = t.roles.cell(row, "confidence");
        if r.text(&confidence_cell).is_none() {
            r.required_text(&confidence_cell);
        }
        match role.as_deref() {
            Some("applicant") => {
                places.push(t.roles.place(format!("/applicants/{}", applicants.len()), row.0));
                applicants.push(assignment);
            }
            Some("recogniser") => {
                places.push(t.roles.place(format!("/recognisers/{}", recognisers.len()), row.0));
                recognisers.push(assignment);
            }
            _ => r.invalid(&role_cell, "cần applicant hoặc recogniser", "applicant or recogniser is expected"),
        }
    }

    let groups = tree(r, &t.groups, &t.indicators, &t.variants, places);
    let result = result_rule(r, &t.result, places);

    let missing: Vec<String> = t
        .missing
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| {
            places.push(t.missing.place(format!("/missing/{i}"), row.0));
            r.text(&t.missing.cell(row, "missing"))
        })
        .collect();
    let confidence_notes: Vec<ConfidenceNote> = t
        .notes
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            places.push(t.notes.place(format!("/confidence_notes/{i}"), row.0));
            let confidence_cell = t.notes.cell(row, "confidence");
            if r.text(&confidence_cell).is_none() {
                r.required_text(&confidence_cell);
            }
            ConfidenceNote {
                about: r.required_text(&t.notes.cell(row, "about")),
                confidence: r.key(&confidence_cell, &CONFIDENCE).unwrap_or(Confidence::NotFound),
                note_vi: r.required_text(&t.notes.cell(row, "note_vi")),
                source: r.text(&t.notes.cell(row, "source")),
            }
        })
        .collect();

    Some(Framework {
        id,
        version,
        status: status?,
        name_vi,
        name_en,
        model_kind: model_kind?,
        target_group,
        territorial_level,
        legal_basis: legal_basis?,
        related_documents,
        supersedes,
        template,
        adopted_from,
        valid_from,
        valid_to,
        cycle,
        applicants,
        recognisers,
        retained_years_after_recognition_year: retained,
        accepts_partial_answers,
        missing,
        confidence_notes,
        groups: groups?,
        result: result?,
    })
}

const CONFIDENCE: [&str; 4] = ["found_two_sources", "found", "inferred", "not_found"];
const MODEL_KINDS: [&str; 10] = [
    "cong_dan_hoc_tap",
    "gia_dinh_hoc_tap",
    "dong_ho_hoc_tap",
    "cong_dong_hoc_tap_thon",
    "don_vi_hoc_tap_xa",
    "don_vi_hoc_tap_huyen",
    "don_vi_hoc_tap_tinh",
    "cong_dong_hoc_tap_xa",
    "cong_dong_hoc_tap_huyen",
    "cong_dong_hoc_tap_tinh",
];

fn month_day(r: &mut Reading, cell: &Cell, text: String) -> Option<xhht_evaluation::MonthDay> {
    match xhht_evaluation::MonthDay::try_from(text) {
        Ok(day) => Some(day),
        Err(_) => {
            r.invalid(cell, "cần một ngày trong năm dạng --MM-DD", "a yearly date as --MM-DD is expected");
            None
        }
    }
}

/// The measure of an indicator or variant row.
fn measure(r: &mut Reading, table: &Table, row: &(u32, Vec<Data>)) -> Option<Measure> {
    let kind_cell = table.cell(row, "kind");
    if r.text(&kind_cell).is_none() {
        r.required_text(&kind_cell);
        return None;
    }
    let kind: MeasureKind = r.key(&kind_cell, &["yes_no", "points", "percentage", "count", "ordinal"])?;
    let (max, level1, level2, values) =
        (table.cell(row, "max"), table.cell(row, "level1"), table.cell(row, "level2"), table.cell(row, "values"));
    let (why_vi, why_en) = (format!("không dùng cho cách đánh giá {kind}"), format!("not used by the kind {kind}"));
    if kind != MeasureKind::Points {
        r.unused(&max, &why_vi, &why_en);
    }
    if kind != MeasureKind::Ordinal {
        r.unused(&values, &why_vi, &why_en);
    }
    Some(match kind {
        MeasureKind::YesNo => {
            Measure::YesNo { required: LevelThresholds { level1: r.boolean(&level1), level2: r.boolean(&level2) } }
        }
        MeasureKind::Points => {
            r.unused(&level1, &why_vi, &why_en);
            r.unused(&level2, &why_vi, &why_en);
            if r.text(&max).is_none() {
                r.required_text(&max);
                return None;
            }
            Measure::Points { max: r.number(&max)? }
        }
        MeasureKind::Percentage => {
            Measure::Percentage { min: LevelThresholds { level1: r.number(&level1), level2: r.number(&level2) } }
        }
        MeasureKind::Count => Measure::Count {
            min: LevelThresholds { level1: r.whole(&level1, 9.0e15), level2: r.whole(&level2, 9.0e15) },
        },
        MeasureKind::Ordinal => Measure::Ordinal {
            values: r.lines(&values),
            min: LevelThresholds { level1: r.text(&level1), level2: r.text(&level2) },
        },
    })
}

/// A group being built, with the rows its parts came from.
struct Node {
    group: Group,
    row: u32,
    parent: Option<usize>,
    /// Indicator rows, and for each the rows of its variants.
    indicator_rows: Vec<(u32, Vec<u32>)>,
}

/// The group tree, from the groups, indicators and variants sheets.
fn tree(
    r: &mut Reading,
    groups: &Table,
    indicators: &Table,
    variants: &Table,
    places: &mut Vec<Place>,
) -> Option<Vec<Group>> {
    let mut nodes: Vec<Node> = Vec::new();
    // Group id → node, and its depth; the first row with an id wins (validation reports repeats).
    let mut by_id: HashMap<String, (usize, usize)> = HashMap::new();
    let errors_before = r.errors.len();
    for row in &groups.rows {
        let id = r.required_text(&groups.cell(row, "id"));
        let parent_cell = groups.cell(row, "parent");
        let (parent, depth) = match r.text(&parent_cell) {
            None => (None, 1),
            Some(parent) => match by_id.get(&parent).copied() {
                Some((_, depth)) if depth >= MAX_DEPTH => {
                    r.error(
                        parent_cell.at.clone(),
                        "groups_too_deep",
                        format!("{}: nhóm lồng nhau quá {MAX_DEPTH} cấp", parent_cell.at.describe_vi()),
                        format!("{}: groups nest more than {MAX_DEPTH} deep", parent_cell.at.describe_en()),
                    );
                    (None, 1)
                }
                Some((i, depth)) => (Some(i), depth + 1),
                None => {
                    r.error(
                        parent_cell.at.clone(),
                        "unknown_reference",
                        format!("{}: chưa có nhóm “{parent}” ở các dòng trên", parent_cell.at.describe_vi()),
                        format!("{}: no group “{parent}” in the rows above", parent_cell.at.describe_en()),
                    );
                    (None, 1)
                }
            },
        };
        by_id.entry(id.clone()).or_insert((nodes.len(), depth));
        let group = Group {
            id,
            name_vi: r.required_text(&groups.cell(row, "name_vi")),
            name_en: r.text(&groups.cell(row, "name_en")),
            max_points: r.number(&groups.cell(row, "max_points")),
            indicators: Vec::new(),
            groups: Vec::new(),
        };
        nodes.push(Node { group, row: row.0, parent, indicator_rows: Vec::new() });
    }
    for row in &indicators.rows {
        let group_cell = indicators.cell(row, "group");
        let group_id = r.required_text(&group_cell);
        let Some(node) = by_id.get(&group_id).map(|(i, _)| *i) else {
            if !group_id.is_empty() {
                r.error(
                    group_cell.at.clone(),
                    "unknown_reference",
                    format!("{}: không có nhóm “{group_id}” ở trang “{}”", group_cell.at.describe_vi(), GROUPS.name),
                    format!(
                        "{}: there is no group “{group_id}” in sheet “{}”",
                        group_cell.at.describe_en(),
                        GROUPS.name
                    ),
                );
            }
            continue;
        };
        let indicator = Indicator {
            id: r.required_text(&indicators.cell(row, "id")),
            text_vi: r.required_text(&indicators.cell(row, "text_vi")),
            text_en: r.text(&indicators.cell(row, "text_en")),
            figure_vi: r.text(&indicators.cell(row, "figure_vi")),
            applies_to: r.lines(&indicators.cell(row, "applies_to")),
            metric: r.text(&indicators.cell(row, "metric")),
            measure: match measure(r, indicators, row) {
                Some(m) => m,
                None => continue,
            },
            variants: Vec::new(),
        };
        nodes[node].group.indicators.push(indicator);
        nodes[node].indicator_rows.push((row.0, Vec::new()));
    }
    let mut indicator_at: HashMap<String, (usize, usize)> = HashMap::new();
    for (n, node) in nodes.iter().enumerate() {
        for (i, indicator) in node.group.indicators.iter().enumerate() {
            indicator_at.entry(indicator.id.clone()).or_insert((n, i));
        }
    }
    for row in &variants.rows {
        let indicator_cell = variants.cell(row, "indicator");
        let indicator_id = r.required_text(&indicator_cell);
        let found = indicator_at.get(&indicator_id).copied();
        let Some((n, i)) = found else {
            if !indicator_id.is_empty() {
                r.error(
                    indicator_cell.at.clone(),
                    "unknown_reference",
                    format!(
                        "{}: không có chỉ tiêu “{indicator_id}” ở trang “{}”",
                        indicator_cell.at.describe_vi(),
                        INDICATORS.name
                    ),
                    format!(
                        "{}: there is no indicator “{indicator_id}” in sheet “{}”",
                        indicator_cell.at.describe_en(),
                        INDICATORS.name
                    ),
                );
            }
            continue;
        };
        let Some(measure) = measure(r, variants, row) else { continue };
        let variant = Variant {
            applies_to: r.lines(&variants.cell(row, "applies_to")),
            metric: r.text(&variants.cell(row, "metric")),
            figure_vi: r.text(&variants.cell(row, "figure_vi")),
            measure,
        };
        nodes[n].group.indicators[i].variants.push(variant);
        nodes[n].indicator_rows[i].1.push(row.0);
    }
    if r.errors.len() > errors_before {
        return None;
    }
    // Children in the order of their rows; the pointers follow the document's own arrays.
    fn build(nodes: &[Node], parent: Option<usize>, base: &str, places: &mut Vec<Place>, t: [&Table; 3]) -> Vec<Group> {
        let mut out = Vec::new();
        for (index, node) in nodes.iter().enumerate().filter(|(_, n)| n.parent == parent) {
            let pointer = format!("{base}/{}", out.len());
            places.push(t[0].place(pointer.clone(), node.row));
            for (i, (row, variant_rows)) in node.indicator_rows.iter().enumerate() {
                places.push(t[1].place(format!("{pointer}/indicators/{i}"), *row));
                for (v, row) in variant_rows.iter().enumerate() {
                    places.push(t[2].place(format!("{pointer}/indicators/{i}/variants/{v}"), *row));
                }
            }
            let mut group = node.group.clone();
            group.groups = build(nodes, Some(index), &format!("{pointer}/groups"), places, t);
            out.push(group);
        }
        out
    }
    Some(build(&nodes, None, "/groups", places, [groups, indicators, variants]))
}

fn result_rule(r: &mut Reading, t: &Table, places: &mut Vec<Place>) -> Option<ResultRule> {
    let mut kind: Option<(String, Option<f64>)> = None;
    let mut fail = None;
    let mut bands = Vec::new();
    let mut levels = Vec::new();
    for row in &t.rows {
        let row_cell = t.cell(row, "row");
        match r.text(&row_cell).as_deref() {
            Some("rule") if kind.is_none() => {
                places.push(t.place("/result".into(), row.0));
                let kind_cell = t.cell(row, "kind");
                let k = r.required_text(&kind_cell);
                if k != "points" && k != "all_indicators_pass" && !k.is_empty() {
                    r.invalid(
                        &kind_cell,
                        "cần points hoặc all_indicators_pass",
                        "points or all_indicators_pass is expected",
                    );
                }
                kind = Some((k, r.number(&t.cell(row, "max_total"))));
            }
            Some("fail") if fail.is_none() => {
                places.push(t.place("/result/fail".into(), row.0));
                fail = Some(LevelName {
                    id: r.required_text(&t.cell(row, "id")),
                    name_vi: r.required_text(&t.cell(row, "name_vi")),
                });
            }
            Some("band") => {
                places.push(t.place(format!("/result/bands/{}", bands.len()), row.0));
                let min_total = t.cell(row, "min_total");
                if r.text(&min_total).is_none() {
                    r.required_text(&min_total);
                }
                bands.push(PointBand {
                    id: r.required_text(&t.cell(row, "id")),
                    name_vi: r.required_text(&t.cell(row, "name_vi")),
                    min_total: r.number(&min_total).unwrap_or_default(),
                    min_per_indicator: r.number(&t.cell(row, "min_per_indicator")),
                });
            }
            Some("level") => {
                places.push(t.place(format!("/result/levels/{}", levels.len()), row.0));
                let tier_cell = t.cell(row, "tier");
                if r.text(&tier_cell).is_none() {
                    r.required_text(&tier_cell);
                }
                let requires = r.lines(&t.cell(row, "requires"));
                levels.push(PassLevel {
                    id: r.required_text(&t.cell(row, "id")),
                    name_vi: r.required_text(&t.cell(row, "name_vi")),
                    tier: r.key(&tier_cell, &["level1", "level2"]).unwrap_or(xhht_evaluation::Tier::Level1),
                    min_months_at_level1: r.small(&t.cell(row, "min_months_at_level1")),
                    requires: (!requires.is_empty()).then_some(requires),
                });
            }
            Some("rule" | "fail") => r.error(
                row_cell.at.clone(),
                "duplicate_row",
                format!("{}: dòng này chỉ được có một lần", row_cell.at.describe_vi()),
                format!("{}: this row may appear only once", row_cell.at.describe_en()),
            ),
            _ => r.invalid(&row_cell, "cần rule, fail, band hoặc level", "rule, fail, band or level is expected"),
        }
    }
    let sheet = CellRef { sheet: RESULT.name, row: 0, column: None };
    let Some((kind, max_total)) = kind else {
        r.error(
            sheet,
            "missing_row",
            format!("Trang “{}” thiếu dòng rule (cách xếp loại)", RESULT.name),
            format!("Sheet “{}” lacks the rule row", RESULT.name),
        );
        return None;
    };
    let Some(fail) = fail else {
        r.error(
            sheet,
            "missing_row",
            format!("Trang “{}” thiếu dòng fail (kết quả không đạt)", RESULT.name),
            format!("Sheet “{}” lacks the fail row", RESULT.name),
        );
        return None;
    };
    let mismatch = |r: &mut Reading, what_vi: &str, what_en: &str| {
        r.error(
            CellRef { sheet: RESULT.name, row: 0, column: None },
            "invalid_cell",
            format!("Trang “{}”: {what_vi}", RESULT.name),
            format!("Sheet “{}”: {what_en}", RESULT.name),
        );
    };
    match kind.as_str() {
        "points" => {
            if !levels.is_empty() {
                mismatch(r, "cách xếp loại points không có dòng level", "the points rule has no level rows");
                return None;
            }
            Some(ResultRule::Points { max_total, bands, fail })
        }
        "all_indicators_pass" => {
            if !bands.is_empty() || max_total.is_some() {
                mismatch(
                    r,
                    "cách xếp loại all_indicators_pass không có dòng band và tổng điểm",
                    "the all_indicators_pass rule has no band rows and no maximum total",
                );
                return None;
            }
            Some(ResultRule::AllIndicatorsPass { levels, fail })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_dates() {
        assert_eq!(heading_key("Mã chỉ tiêu (id)"), "id");
        assert_eq!(heading_key("Điểm (tối đa) (max)"), "max");
        assert_eq!(heading_key("text_vi"), "text_vi");
        assert_eq!(excel_date(45_658.0), NaiveDate::from_ymd_opt(2025, 1, 1));
        assert_eq!(excel_date(0.0), None);
        assert_eq!(number_text(12.0), "12");
        assert_eq!(number_text(7.5), "7.5");
    }
}
