//! Criteria as files a person reads: a framework's indicators as CSV, and the differences
//! between two versions as CSV or XLSX. (The whole framework as an editable workbook is
//! `xhht_framework_sheets`.)

use crate::error::ApiError;
use crate::report_files::{BOM, csv_error, xlsx_error};
use rust_xlsxwriter::{Format, FormatBorder, Workbook};
use xhht_evaluation::{Change, DiffKind, DiffPart, Framework, LevelThresholds, Measure};

fn thresholds<T: ToString>(t: &LevelThresholds<T>) -> [String; 2] {
    [
        t.level1.as_ref().map(ToString::to_string).unwrap_or_default(),
        t.level2.as_ref().map(ToString::to_string).unwrap_or_default(),
    ]
}

/// The measure as a reader says it: kind, maximum, level thresholds.
fn measure_cells(measure: &Measure) -> [String; 4] {
    let kind = measure.kind().as_str().to_owned();
    match measure {
        Measure::Points { max } => [kind, max.to_string(), String::new(), String::new()],
        Measure::YesNo { required } => {
            let [a, b] = thresholds(&LevelThresholds {
                level1: required.level1.map(|r| if r { "bắt buộc" } else { "không bắt buộc" }),
                level2: required.level2.map(|r| if r { "bắt buộc" } else { "không bắt buộc" }),
            });
            [kind, String::new(), a, b]
        }
        Measure::Percentage { min } => {
            let [a, b] = thresholds(min);
            [kind, String::new(), a, b]
        }
        Measure::Count { min } => {
            let [a, b] = thresholds(min);
            [kind, String::new(), a, b]
        }
        Measure::Ordinal { min, .. } => {
            let [a, b] = thresholds(min);
            [kind, String::new(), a, b]
        }
    }
}

/// A row per indicator: its group, id, texts, measure, who it applies to, the registry figure.
pub fn indicators_csv(f: &Framework) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::Writer::from_writer(BOM.to_vec());
    out.write_record([
        "Nhóm",
        "Tên nhóm",
        "Mã chỉ tiêu",
        "Nội dung",
        "Nội dung (tiếng Anh)",
        "Cách đánh giá",
        "Điểm tối đa",
        "Ngưỡng mức độ 1",
        "Ngưỡng mức độ 2",
        "Áp dụng cho",
        "Chỉ số tính từ sổ theo dõi",
    ])
    .map_err(csv_error)?;
    fn walk(groups: &[xhht_evaluation::Group], out: &mut csv::Writer<Vec<u8>>) -> Result<(), ApiError> {
        for group in groups {
            for indicator in &group.indicators {
                let [kind, max, level1, level2] = measure_cells(&indicator.measure);
                let cells = [
                    group.id.as_str(),
                    &group.name_vi,
                    &indicator.id,
                    &indicator.text_vi,
                    indicator.text_en.as_deref().unwrap_or(""),
                    &kind,
                    &max,
                    &level1,
                    &level2,
                    &indicator.applies_to.join(", "),
                    indicator.metric.as_deref().unwrap_or(""),
                ];
                out.write_record(cells.iter().map(|c| inert(c).into_owned())).map_err(csv_error)?;
            }
            walk(&group.groups, out)?;
        }
        Ok(())
    }
    walk(&f.groups, &mut out)?;
    out.into_inner().map_err(csv_error)
}

const DIFF_HEADINGS: [&str; 7] = ["Phần", "Mã", "Thay đổi", "Trường", "Nội dung", "Trước", "Sau"];

fn diff_cells(c: &Change) -> [String; 7] {
    let part = match c.part {
        DiffPart::Framework => "Bộ tiêu chí",
        DiffPart::Group => "Nhóm tiêu chí",
        DiffPart::Indicator => "Chỉ tiêu",
    };
    let kind = match c.kind {
        DiffKind::Added => "Thêm",
        DiffKind::Removed => "Bỏ",
        DiffKind::Changed => "Sửa",
    };
    let value = |v: &Option<serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    [
        part.to_owned(),
        c.id.clone().unwrap_or_default(),
        kind.to_owned(),
        c.field.clone().unwrap_or_default(),
        c.text_vi.clone().unwrap_or_default(),
        value(&c.before),
        value(&c.after),
    ]
}

pub fn diff_csv(changes: &[Change]) -> Result<Vec<u8>, ApiError> {
    let rows: Vec<Vec<String>> = changes.iter().map(|c| diff_cells(c).to_vec()).collect();
    table_csv(&DIFF_HEADINGS, &rows)
}

/// The differences on one sheet, under a title naming both versions.
pub fn diff_xlsx(title: &str, changes: &[Change]) -> Result<Vec<u8>, ApiError> {
    let rows: Vec<Vec<String>> = changes.iter().map(|c| diff_cells(c).to_vec()).collect();
    table_xlsx(title, "Thay đổi", &DIFF_HEADINGS, &rows)
}

/// A list as CSV: a heading row, then a row each, with a byte-order mark for Excel.
pub fn table_csv(headings: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::Writer::from_writer(BOM.to_vec());
    out.write_record(headings).map_err(csv_error)?;
    for row in rows {
        out.write_record(row.iter().map(|cell| inert(cell).into_owned())).map_err(csv_error)?;
    }
    out.into_inner().map_err(csv_error)
}

/// A text Excel would run as a formula (`=…`, `+…`, `-…`, `@…`) is written with a leading
/// apostrophe; numbers stay numbers.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err();
    if risky { format!("'{cell}").into() } else { cell.into() }
}

/// Excel's limit on the characters of a cell.
const CELL_LIMIT: usize = 32_767;

/// A text cut to what a cell holds, saying so.
fn fits_a_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.chars().count() <= CELL_LIMIT {
        return cell.into();
    }
    let kept: String = cell.chars().take(CELL_LIMIT - 40).collect();
    format!("{kept} … [cắt bớt: quá dài cho một ô Excel]").into()
}

/// A list as one sheet: a title, the headings (frozen), then a row each. Cells that read as
/// numbers are written as numbers, so that Excel sums them.
pub fn table_xlsx(title: &str, sheet_name: &str, headings: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, ApiError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name).map_err(xlsx_error)?;
    sheet.write_string_with_format(0, 0, title, &Format::new().set_bold().set_font_size(14)).map_err(xlsx_error)?;
    let heading =
        Format::new().set_bold().set_text_wrap().set_border(FormatBorder::Thin).set_background_color(0xDDEBF7);
    let wrap = Format::new().set_text_wrap();
    for (col, name) in headings.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(0);
        sheet.write_string_with_format(2, col, *name, &heading).map_err(xlsx_error)?;
        sheet.set_column_width(col, if name.chars().count() > 14 { 30.0 } else { 16.0 }).map_err(xlsx_error)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = u32::try_from(i + 3).unwrap_or(u32::MAX);
        for (col, cell) in row.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(0);
            match as_number(cell) {
                Some(n) => sheet.write_number(r, col, n).map_err(xlsx_error)?,
                None => sheet.write_string_with_format(r, col, fits_a_cell(cell), &wrap).map_err(xlsx_error)?,
            };
        }
    }
    sheet.set_freeze_panes(3, 0).map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}

/// A cell's number, unless it is a code with leading zeros (`00004`) that must stay text.
fn as_number(cell: &str) -> Option<f64> {
    let mut chars = cell.chars();
    if chars.next() == Some('0') && chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    cell.parse::<f64>().ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_and_codes() {
        assert_eq!(super::as_number("12"), Some(12.0));
        assert_eq!(super::as_number("0.5"), Some(0.5));
        assert_eq!(super::as_number("0"), Some(0.0));
        assert_eq!(super::as_number("00004"), None);
        assert_eq!(super::as_number("Xã Krông Nô"), None);
        assert_eq!(super::as_number("NaN"), None);
    }

    #[test]
    fn formulas_are_not_run() {
        assert_eq!(super::inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::inert("-5"), "-5");
        assert_eq!(super::inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::inert("Hộ ông Hà"), "Hộ ông Hà");
    }
}
