//! Framework → workbook.

use crate::layout::{
    FIELDS, GENERAL, GROUPS, INDICATORS, INSTRUCTION_LINES, INSTRUCTIONS, LEGAL, MISSING, NOTES, RESULT, ROLES, Sheet,
    VARIANTS,
};
use rust_xlsxwriter::{DataValidation, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use serde::Serialize;
use xhht_evaluation::{Framework, Group, LevelThresholds, Measure, ResultRule};

/// A value of a cell as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Value {
    fn text(s: impl Into<String>) -> Self {
        Value::Text(s.into())
    }

    fn opt_text(s: Option<&str>) -> Self {
        s.map_or(Value::Empty, Value::text)
    }

    fn opt_number(n: Option<f64>) -> Self {
        n.map_or(Value::Empty, Value::Number)
    }

    fn lines(items: &[String]) -> Self {
        if items.is_empty() { Value::Empty } else { Value::Text(items.join("\n")) }
    }
}

/// The snake_case name of an enum value, as in the JSON document.
pub(crate) fn key_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn date(d: Option<chrono::NaiveDate>) -> Value {
    d.map_or(Value::Empty, |d| Value::Text(d.format("%Y-%m-%d").to_string()))
}

/// The measure's cells: kind, max, level1, level2, values.
fn measure_cells(measure: &Measure) -> [(&'static str, Value); 5] {
    fn levels<T>(t: &LevelThresholds<T>, cell: impl Fn(&T) -> Value) -> (Value, Value) {
        (t.level1.as_ref().map_or(Value::Empty, &cell), t.level2.as_ref().map_or(Value::Empty, &cell))
    }
    let (max, (l1, l2), values) = match measure {
        Measure::YesNo { required } => (Value::Empty, levels(required, |b| Value::Bool(*b)), Value::Empty),
        Measure::Points { max } => (Value::Number(*max), (Value::Empty, Value::Empty), Value::Empty),
        Measure::Percentage { min } => (Value::Empty, levels(min, |n| Value::Number(*n)), Value::Empty),
        Measure::Count { min } => (Value::Empty, levels(min, |n| Value::Number(*n as f64)), Value::Empty),
        Measure::Ordinal { values, min } => {
            (Value::Empty, levels(min, |s| Value::text(s.clone())), Value::lines(values))
        }
    };
    [("kind", Value::text(measure.kind().as_str())), ("max", max), ("level1", l1), ("level2", l2), ("values", values)]
}

/// The general sheet's value of each field.
fn general(f: &Framework) -> Vec<(&'static str, Value)> {
    let cycle = &f.cycle;
    FIELDS
        .iter()
        .map(|(field, _)| {
            let value = match *field {
                "id" => Value::text(&f.id),
                "version" => Value::Number(f64::from(f.version)),
                "status" => Value::text(key_of(&f.status)),
                "name_vi" => Value::text(&f.name_vi),
                "name_en" => Value::opt_text(f.name_en.as_deref()),
                "model_kind" => Value::text(key_of(&f.model_kind)),
                "target_group" => f.target_group.map_or(Value::Empty, |t| Value::text(key_of(&t))),
                "territorial_level" => f.territorial_level.map_or(Value::Empty, |t| Value::text(key_of(&t))),
                "supersedes" => Value::opt_text(f.supersedes.as_deref()),
                "template" => Value::Bool(f.template),
                "adopted_from.id" => Value::opt_text(f.adopted_from.as_ref().map(|a| a.id.as_str())),
                "adopted_from.version" => Value::opt_number(f.adopted_from.as_ref().map(|a| f64::from(a.version))),
                "valid_from" => date(f.valid_from),
                "valid_to" => date(f.valid_to),
                "cycle.period" => Value::text(key_of(&cycle.period)),
                "cycle.filing_deadline" => cycle.filing_deadline.map_or(Value::Empty, |d| Value::text(d.to_string())),
                "cycle.decision_deadline" => {
                    cycle.decision_deadline.map_or(Value::Empty, |d| Value::text(d.to_string()))
                }
                "cycle.late_policy" => Value::text(key_of(&cycle.late_policy)),
                "retained_years_after_recognition_year" => {
                    Value::opt_number(f.retained_years_after_recognition_year.map(f64::from))
                }
                "accepts_partial_answers" => Value::Bool(f.accepts_partial_answers),
                _ => Value::Empty,
            };
            (*field, value)
        })
        .collect()
}

struct Styles {
    heading: Format,
    wrap: Format,
}

/// One sheet: headings, then a row of cells (by column key) per item.
fn sheet(
    book: &mut Workbook,
    styles: &Styles,
    layout: &Sheet,
    rows: &[Vec<(&'static str, Value)>],
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(layout.name)?;
    for (i, column) in layout.columns.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, format!("{} ({})", column.label_vi, column.key), &styles.heading)?;
        sheet.set_column_width(col, column.width)?;
        if !column.choices.is_empty() {
            let list = DataValidation::new().allow_list_strings(column.choices)?;
            sheet.add_data_validation(1, col, 5000, col, &list)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, cells) in rows.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (key, value) in cells {
            let Some(i) = layout.columns.iter().position(|c| c.key == *key) else { continue };
            write_cell(sheet, styles, row, u16::try_from(i).unwrap_or(u16::MAX), value)?;
        }
    }
    Ok(())
}

fn write_cell(sheet: &mut Worksheet, styles: &Styles, row: u32, col: u16, value: &Value) -> Result<(), XlsxError> {
    match value {
        Value::Empty => {}
        Value::Text(s) => {
            sheet.write_string_with_format(row, col, s, &styles.wrap)?;
        }
        Value::Number(n) => {
            sheet.write_number(row, col, *n)?;
        }
        Value::Bool(b) => {
            sheet.write_boolean(row, col, *b)?;
        }
    }
    Ok(())
}

/// Groups depth first, each before its sub-groups, as the reader rebuilds the tree.
fn group_rows<'a>(groups: &'a [Group], parent: Option<&'a str>, out: &mut Vec<(&'a Group, Option<&'a str>)>) {
    for group in groups {
        out.push((group, parent));
        group_rows(&group.groups, Some(&group.id), out);
    }
}

/// The framework as an XLSX workbook.
pub fn write(f: &Framework) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let styles = Styles {
        heading: Format::new().set_bold().set_text_wrap().set_border(FormatBorder::Thin).set_background_color(0xDDEBF7),
        wrap: Format::new().set_text_wrap(),
    };

    let labels: Vec<Vec<(&'static str, Value)>> = general(f)
        .into_iter()
        .zip(FIELDS)
        .map(|((field, value), (_, label))| {
            vec![("field", Value::text(field)), ("label", Value::text(*label)), ("value", value)]
        })
        .collect();
    sheet(&mut book, &styles, &GENERAL, &labels)?;

    let documents: Vec<_> = std::iter::once(("legal_basis", &f.legal_basis))
        .chain(f.related_documents.iter().map(|d| ("related", d)))
        .map(|(role, d)| {
            vec![
                ("role", Value::text(role)),
                ("number", Value::text(&d.number)),
                ("title_vi", Value::opt_text(d.title_vi.as_deref())),
                ("issuer_vi", Value::text(&d.issuer_vi)),
                ("issued_on", date(d.issued_on)),
                ("in_force_from", date(d.in_force_from)),
                ("articles", Value::lines(&d.articles)),
                ("signer_vi", Value::opt_text(d.signer_vi.as_deref())),
            ]
        })
        .collect();
    sheet(&mut book, &styles, &LEGAL, &documents)?;

    let roles: Vec<_> = f
        .applicants
        .iter()
        .map(|r| ("applicant", r))
        .chain(f.recognisers.iter().map(|r| ("recogniser", r)))
        .map(|(role, r)| {
            vec![
                ("role", Value::text(role)),
                ("role_vi", Value::opt_text(r.role_vi.as_deref())),
                ("valid_from", date(r.valid_from)),
                ("valid_to", date(r.valid_to)),
                ("confidence", Value::text(key_of(&r.confidence))),
                ("note_vi", Value::opt_text(r.note_vi.as_deref())),
            ]
        })
        .collect();
    sheet(&mut book, &styles, &ROLES, &roles)?;

    let mut groups = Vec::new();
    group_rows(&f.groups, None, &mut groups);
    let group_cells: Vec<_> = groups
        .iter()
        .map(|(g, parent)| {
            vec![
                ("id", Value::text(&g.id)),
                ("parent", Value::opt_text(*parent)),
                ("name_vi", Value::text(&g.name_vi)),
                ("name_en", Value::opt_text(g.name_en.as_deref())),
                ("max_points", Value::opt_number(g.max_points)),
            ]
        })
        .collect();
    sheet(&mut book, &styles, &GROUPS, &group_cells)?;

    let mut indicators = Vec::new();
    let mut variants = Vec::new();
    for (group, _) in &groups {
        for indicator in &group.indicators {
            let mut cells = vec![
                ("group", Value::text(&group.id)),
                ("id", Value::text(&indicator.id)),
                ("text_vi", Value::text(&indicator.text_vi)),
                ("text_en", Value::opt_text(indicator.text_en.as_deref())),
                ("applies_to", Value::lines(&indicator.applies_to)),
                ("metric", Value::opt_text(indicator.metric.as_deref())),
                ("figure_vi", Value::opt_text(indicator.figure_vi.as_deref())),
            ];
            cells.extend(measure_cells(&indicator.measure));
            indicators.push(cells);
            for variant in &indicator.variants {
                let mut cells = vec![
                    ("indicator", Value::text(&indicator.id)),
                    ("applies_to", Value::lines(&variant.applies_to)),
                    ("metric", Value::opt_text(variant.metric.as_deref())),
                    ("figure_vi", Value::opt_text(variant.figure_vi.as_deref())),
                ];
                cells.extend(measure_cells(&variant.measure));
                variants.push(cells);
            }
        }
    }
    sheet(&mut book, &styles, &INDICATORS, &indicators)?;
    sheet(&mut book, &styles, &VARIANTS, &variants)?;

    let mut result = Vec::new();
    match &f.result {
        ResultRule::Points { max_total, bands, fail } => {
            result.push(vec![
                ("row", Value::text("rule")),
                ("kind", Value::text("points")),
                ("max_total", Value::opt_number(*max_total)),
            ]);
            result.push(vec![
                ("row", Value::text("fail")),
                ("id", Value::text(&fail.id)),
                ("name_vi", Value::text(&fail.name_vi)),
            ]);
            for band in bands {
                result.push(vec![
                    ("row", Value::text("band")),
                    ("id", Value::text(&band.id)),
                    ("name_vi", Value::text(&band.name_vi)),
                    ("min_total", Value::Number(band.min_total)),
                    ("min_per_indicator", Value::opt_number(band.min_per_indicator)),
                ]);
            }
        }
        ResultRule::AllIndicatorsPass { levels, fail } => {
            result.push(vec![("row", Value::text("rule")), ("kind", Value::text("all_indicators_pass"))]);
            result.push(vec![
                ("row", Value::text("fail")),
                ("id", Value::text(&fail.id)),
                ("name_vi", Value::text(&fail.name_vi)),
            ]);
            for level in levels {
                result.push(vec![
                    ("row", Value::text("level")),
                    ("id", Value::text(&level.id)),
                    ("name_vi", Value::text(&level.name_vi)),
                    ("tier", Value::text(key_of(&level.tier))),
                    ("min_months_at_level1", Value::opt_number(level.min_months_at_level1.map(f64::from))),
                    ("requires", level.requires.as_deref().map_or(Value::Empty, Value::lines)),
                ]);
            }
        }
    }
    sheet(&mut book, &styles, &RESULT, &result)?;

    let missing: Vec<_> = f.missing.iter().map(|m| vec![("missing", Value::text(m))]).collect();
    sheet(&mut book, &styles, &MISSING, &missing)?;

    let notes: Vec<_> = f
        .confidence_notes
        .iter()
        .map(|n| {
            vec![
                ("about", Value::text(&n.about)),
                ("confidence", Value::text(key_of(&n.confidence))),
                ("note_vi", Value::text(&n.note_vi)),
                ("source", Value::opt_text(n.source.as_deref())),
            ]
        })
        .collect();
    sheet(&mut book, &styles, &NOTES, &notes)?;

    let help = book.add_worksheet();
    help.set_name(INSTRUCTIONS)?;
    help.set_column_width(0, 140.0)?;
    for (i, line) in INSTRUCTION_LINES.iter().enumerate() {
        help.write_string_with_format(u32::try_from(i).unwrap_or(0), 0, *line, &styles.wrap)?;
    }
    book.save_to_buffer()
}
