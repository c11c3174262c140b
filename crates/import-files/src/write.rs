//! The workbooks a clerk works in: a template to fill in, and the rows that failed, marked, to
//! correct and upload again.

use crate::columns::{Choice, Column};
use rust_xlsxwriter::{Color, DataValidation, Format, FormatBorder, Formula, Note, Workbook, XlsxError};

/// Rows of a template that carry the drop-down lists.
const TEMPLATE_ROWS: u32 = 20_000;
pub const DATA_SHEET: &str = "Dữ liệu";
const INSTRUCTIONS_SHEET: &str = "Hướng dẫn";
const LISTS_SHEET: &str = "Danh mục";

fn heading_format() -> Format {
    Format::new().set_bold().set_background_color(Color::RGB(0xDDEBF7)).set_border(FormatBorder::Thin).set_text_wrap()
}

/// The A1 name of a column (0 → A).
fn column_name(mut n: u16) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// What a template says about itself.
pub struct Template<'a> {
    pub title_vi: &'a str,
    pub title_en: &'a str,
    pub columns: &'a [Column],
    /// The caller's units to choose from, as a unit column's cell writes them ("name (code)").
    pub units: &'a [String],
    /// General instructions, one paragraph a line: (Vietnamese, English).
    pub notes: &'a [(&'a str, &'a str)],
}

/// A workbook to fill in: the data sheet with the headings (Vietnamese, with the key a script
/// reads), an example row and drop-down lists; the instructions; the lists themselves.
pub fn template(t: &Template) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = heading_format();
    let example = Format::new().set_italic().set_font_color(Color::RGB(0x7F7F7F));

    // The lists first, so that the data sheet's validations can name their ranges.
    let mut lists: Vec<Option<String>> = Vec::with_capacity(t.columns.len());
    {
        let sheet = book.add_worksheet();
        sheet.set_name(LISTS_SHEET)?;
        let mut at = 0u16;
        for column in t.columns {
            let values: Vec<String> = match column.choice {
                Choice::Free => Vec::new(),
                Choice::Fixed(values) => values.iter().map(|(_, vi)| (*vi).to_owned()).collect(),
                Choice::Unit => t.units.to_vec(),
            };
            if values.is_empty() {
                lists.push(None);
                continue;
            }
            sheet.write_string_with_format(0, at, column.heading_vi, &head)?;
            for (i, value) in values.iter().enumerate() {
                sheet.write_string(i as u32 + 1, at, value)?;
            }
            sheet.set_column_width(at, 40)?;
            let col = column_name(at);
            lists.push(Some(format!("='{LISTS_SHEET}'!${col}$2:${col}${}", values.len() + 1)));
            at += 1;
        }
        sheet.set_hidden(true);
    }

    {
        let sheet = book.add_worksheet();
        sheet.set_name(DATA_SHEET)?;
        for (i, column) in t.columns.iter().enumerate() {
            let at = i as u16;
            sheet.write_string_with_format(0, at, column.template_heading(), &head)?;
            sheet.set_column_width(at, 24)?;
            sheet.write_string_with_format(1, at, column.example, &example)?;
            let note = Note::new(format!(
                "{}{}\n{}",
                column.note_vi,
                if column.required { " (bắt buộc)" } else { "" },
                column.note_en
            ))
            .set_author("XHHT");
            sheet.insert_note(0, at, &note)?;
            if let Some(list) = &lists[i] {
                let validation = DataValidation::new()
                    .allow_list_formula(Formula::new(list))
                    .ignore_blank(true)
                    .set_error_title("Giá trị không có trong danh sách")?
                    .set_error_message("Chọn một giá trị trong danh sách (xem trang “Danh mục”).")?;
                sheet.add_data_validation(1, at, TEMPLATE_ROWS, at, &validation)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_active(true);
    }

    {
        let sheet = book.add_worksheet();
        sheet.set_name(INSTRUCTIONS_SHEET)?;
        let wrap = Format::new().set_text_wrap();
        sheet.write_string_with_format(0, 0, t.title_vi, &Format::new().set_bold().set_font_size(14))?;
        sheet.write_string(1, 0, t.title_en)?;
        let mut row = 3;
        for (vi, en) in t.notes {
            sheet.write_string_with_format(row, 0, *vi, &wrap)?;
            sheet.write_string_with_format(row, 1, *en, &wrap)?;
            row += 1;
        }
        row += 1;
        for (i, heading) in
            ["Cột", "Khoá (key)", "Bắt buộc", "Cách ghi", "How to fill it", "Giá trị được nhận"].into_iter().enumerate()
        {
            sheet.write_string_with_format(row, i as u16, heading, &head)?;
        }
        for column in t.columns {
            row += 1;
            let values = match column.choice {
                Choice::Free => String::new(),
                Choice::Fixed(values) => {
                    values.iter().map(|(key, vi)| format!("{vi} ({key})")).collect::<Vec<_>>().join("; ")
                }
                Choice::Unit => "Mã hoặc tên đơn vị trong phạm vi của tài khoản (trang “Danh mục”)".to_owned(),
            };
            let cells = [
                column.heading_vi,
                column.key,
                if column.required { "có" } else { "không" },
                column.note_vi,
                column.note_en,
                &values,
            ];
            for (i, cell) in cells.into_iter().enumerate() {
                sheet.write_string_with_format(row, i as u16, cell, &wrap)?;
            }
        }
        sheet.set_column_width(0, 40)?;
        sheet.set_column_width(1, 40)?;
        sheet.set_column_width(2, 10)?;
        sheet.set_column_width(3, 50)?;
        sheet.set_column_width(4, 50)?;
        sheet.set_column_width(5, 50)?;
    }
    book.save_to_buffer()
}

/// Digits as a spreadsheet keeps a number: no leading zero (a code like `00004` stays text).
fn plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    (1..15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && !(digits.starts_with('0') && digits.len() > 1 && !digits.starts_with("0."))
        && !digits.starts_with('.')
        && !digits.ends_with('.')
}

/// One bad cell (or a whole bad row, `column` `None`) of an uploaded row.
pub struct CellProblem {
    /// The file's column index.
    pub column: Option<usize>,
    pub message: String,
}

/// The rows that failed, as uploaded, with a last column saying what is wrong and the bad
/// cells filled red: correct them and upload the sheet again (the error column is ignored).
pub fn errors_workbook(
    headings: &[String],
    rows: &[(u64, Vec<String>, Vec<CellProblem>)],
    error_heading: &str,
    row_heading: &str,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(DATA_SHEET)?;
    let head = heading_format();
    let bad = Format::new().set_background_color(Color::RGB(0xFFC7CE)).set_font_color(Color::RGB(0x9C0006));
    let wrap = Format::new().set_text_wrap().set_font_color(Color::RGB(0x9C0006));
    for (i, heading) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, heading, &head)?;
        sheet.set_column_width(i as u16, 20)?;
    }
    let error_column = headings.len() as u16;
    sheet.write_string_with_format(0, error_column, error_heading, &head)?;
    sheet.write_string_with_format(0, error_column + 1, row_heading, &head)?;
    sheet.set_column_width(error_column, 60)?;
    for (i, (number, cells, problems)) in rows.iter().enumerate() {
        let at = i as u32 + 1;
        for (c, cell) in cells.iter().enumerate() {
            let marked = problems.iter().any(|p| p.column == Some(c));
            // Numbers stay numbers, so that a corrected sheet reads as the original did.
            match (cell.parse::<f64>(), marked) {
                (Ok(n), false) if plain_number(cell) => sheet.write_number(at, c as u16, n)?,
                (_, false) => sheet.write_string(at, c as u16, cell)?,
                (_, true) => sheet.write_string_with_format(at, c as u16, cell, &bad)?,
            };
        }
        for p in problems.iter().filter(|p| p.column.is_some_and(|c| c >= cells.len())) {
            if let Some(c) = p.column {
                sheet.write_string_with_format(at, c as u16, "", &bad)?;
            }
        }
        let text = problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("\n");
        sheet.write_string_with_format(at, error_column, text, &wrap)?;
        sheet.write_number(at, error_column + 1, *number as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}
