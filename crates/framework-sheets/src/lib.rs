//! Criteria frameworks as Excel workbooks, and back.
//!
//! Officials keep their criteria in Excel. [`write`] lays a framework out with one sheet per
//! part (general fields, legal basis, roles, groups, indicators, variants, the result rule,
//! what is missing, source notes, and instructions); [`read`] takes such a workbook back. The
//! round trip is exact: `read(write(f))` is `f` for every framework. Columns are found by the
//! key in brackets at the end of their heading ("Mã chỉ tiêu (id)"), so an official may move
//! them or reword the heading; a cell that cannot be read is named by sheet, row and column.
//!
//! Reading only turns cells into a document. Whether the document is a sound framework is the
//! evaluation crate's `validate`, whose JSON pointers [`Workbook::locate`] maps back to cells.

mod layout;
mod read;
mod write;

pub use layout::SHEETS;
pub use read::read;
pub use write::write;

use xhht_evaluation::Framework;

/// The media type of an XLSX file.
pub const XLSX_MEDIA_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A place in a workbook: a row of a sheet, and the column when it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRef {
    pub sheet: &'static str,
    /// 1-based, as Excel numbers rows; 0 when the whole sheet is meant.
    pub row: u32,
    /// 0-based column index.
    pub column: Option<u16>,
}

impl CellRef {
    /// Excel's own notation: `'Chỉ tiêu'!E7`, `'Chỉ tiêu'!7:7` for a row, `'Chỉ tiêu'!A1` for a sheet.
    pub fn a1(&self) -> String {
        match (self.row, self.column) {
            (0, _) => format!("'{}'!A1", self.sheet),
            (row, Some(col)) => format!("'{}'!{}{row}", self.sheet, column_letters(col)),
            (row, None) => format!("'{}'!{row}:{row}", self.sheet),
        }
    }

    /// "trang “Chỉ tiêu”, dòng 7, cột E".
    pub fn describe_vi(&self) -> String {
        let mut out = format!("trang “{}”", self.sheet);
        if self.row > 0 {
            out.push_str(&format!(", dòng {}", self.row));
        }
        if let Some(col) = self.column {
            out.push_str(&format!(", cột {}", column_letters(col)));
        }
        out
    }

    /// "sheet “Chỉ tiêu”, row 7, column E".
    pub fn describe_en(&self) -> String {
        let mut out = format!("sheet “{}”", self.sheet);
        if self.row > 0 {
            out.push_str(&format!(", row {}", self.row));
        }
        if let Some(col) = self.column {
            out.push_str(&format!(", column {}", column_letters(col)));
        }
        out
    }
}

/// Excel's column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(mut index: u16) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// A cell (or row, or sheet) that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    pub at: CellRef,
    /// Stable snake_case code.
    pub code: &'static str,
    pub message_vi: String,
    pub message_en: String,
}

/// A framework read from a workbook, with where each of its parts came from.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub framework: Framework,
    places: Vec<Place>,
}

/// The row a part of the document came from, and the columns of its sheet by key.
#[derive(Debug, Clone)]
struct Place {
    pointer: String,
    sheet: &'static str,
    row: u32,
    columns: Vec<(&'static str, u16)>,
}

impl Workbook {
    /// The cell a JSON pointer into the document (as `validate` reports them) came from: the
    /// row of the deepest part that contains it, and the column when a segment of the pointer
    /// names one of that sheet's columns.
    pub fn locate(&self, pointer: &str) -> Option<CellRef> {
        let place = self
            .places
            .iter()
            .filter(|p| pointer == p.pointer || pointer.starts_with(&format!("{}/", p.pointer)))
            .max_by_key(|p| p.pointer.len())?;
        let rest = &pointer[place.pointer.len().min(pointer.len())..];
        let column = rest
            .split('/')
            .rev()
            .find_map(|segment| place.columns.iter().find(|(key, _)| *key == segment).map(|(_, col)| *col));
        Some(CellRef { sheet: place.sheet, row: place.row, column })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(4), "E");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn references() {
        let cell = CellRef { sheet: "Chỉ tiêu", row: 7, column: Some(4) };
        assert_eq!(cell.a1(), "'Chỉ tiêu'!E7");
        assert_eq!(cell.describe_vi(), "trang “Chỉ tiêu”, dòng 7, cột E");
        assert_eq!(CellRef { column: None, ..cell.clone() }.a1(), "'Chỉ tiêu'!7:7");
        assert_eq!(CellRef { row: 0, column: None, ..cell }.a1(), "'Chỉ tiêu'!A1");
    }
}
