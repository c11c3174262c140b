//! The columns a kind of record expects, and how a file's headings are matched to them.

use unicode_normalization::UnicodeNormalization;

/// The values a column takes, for the template's drop-down lists.
#[derive(Debug, Clone, Copy)]
pub enum Choice {
    /// Free text or a number.
    Free,
    /// One of these (key, Vietnamese label); either is accepted.
    Fixed(&'static [(&'static str, &'static str)]),
    /// A unit code or name within the caller's units.
    Unit,
}

/// One expected column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The English key (`full_name`), which is also the JSON field.
    pub key: &'static str,
    /// The Vietnamese heading (`Họ và tên`).
    pub heading_vi: &'static str,
    pub required: bool,
    /// What to write, for the template's instructions.
    pub note_vi: &'static str,
    pub note_en: &'static str,
    pub choice: Choice,
    /// An example value for the template's example row.
    pub example: &'static str,
}

impl Column {
    /// The heading a template writes: Vietnamese, with the key a script reads.
    pub fn template_heading(&self) -> String {
        format!("{} ({})", self.heading_vi, self.key)
    }
}

/// Headings compared as a person means them: Unicode NFC, case and spacing ignored.
pub fn normalise(heading: &str) -> String {
    let folded: String = heading.nfc().collect::<String>().to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which expected column each of a file's columns is, and which were not recognised.
#[derive(Debug, Clone)]
pub struct ColumnMap {
    /// For each expected column, the file's column index.
    pub positions: Vec<Option<usize>>,
    /// Headings of the file's columns that match nothing: ignored, and said in a warning.
    pub ignored: Vec<String>,
}

impl ColumnMap {
    /// The cell of expected column `column` in a row, trimmed; `None` when empty or absent.
    pub fn cell<'r>(&self, cells: &'r [String], column: usize) -> Option<&'r str> {
        let at = self.positions.get(column).copied().flatten()?;
        cells.get(at).map(|s| s.trim()).filter(|s| !s.is_empty())
    }
}

/// Required columns the file lacks; the answer names them and lists every expected heading.
#[derive(Debug, Clone)]
pub struct MissingColumns {
    pub missing: Vec<&'static Column>,
}

/// Matches headings to columns: a heading is a column's Vietnamese heading, its key, or the
/// template's "heading (key)". A column named twice is read from its first place.
pub fn match_columns(headings: &[String], columns: &'static [Column]) -> Result<ColumnMap, MissingColumns> {
    let mut positions = vec![None; columns.len()];
    let mut ignored = Vec::new();
    for (at, heading) in headings.iter().enumerate() {
        let wanted = normalise(heading);
        if wanted.is_empty() {
            continue;
        }
        let found = columns.iter().position(|c| {
            wanted == normalise(c.key)
                || wanted == normalise(c.heading_vi)
                || wanted == normalise(&c.template_heading())
        });
        match found {
            Some(i) if positions[i].is_none() => positions[i] = Some(at),
            _ => ignored.push(heading.trim().to_owned()),
        }
    }
    let missing: Vec<&'static Column> =
        columns.iter().zip(&positions).filter(|(c, p)| c.required && p.is_none()).map(|(c, _)| c).collect();
    if missing.is_empty() { Ok(ColumnMap { positions, ignored }) } else { Err(MissingColumns { missing }) }
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    static COLUMNS: [Column; 2] = [
        Column {
            key: "full_name",
            heading_vi: "Họ và tên",
            required: true,
            note_vi: "",
            note_en: "",
            choice: Choice::Free,
            example: "",
        },
        Column {
            key: "birth_year",
            heading_vi: "Năm sinh",
            required: false,
            note_vi: "",
            note_en: "",
            choice: Choice::Free,
            example: "",
        },
    ];

    #[test]
    fn headings_match_in_either_language_and_the_template_form() {
        // "Họ và tên" typed in decomposed form (as some Mac keyboards do), in capitals.
        let decomposed = "HO\u{323} VA\u{300} TÊN".to_owned();
        let map = match_columns(&[" Ghi chú ".into(), decomposed, "Năm sinh (birth_year)".into()], &COLUMNS)
            .expect("matched");
        assert_eq!(map.positions, vec![Some(1), Some(2)]);
        assert_eq!(map.ignored, vec!["Ghi chú".to_owned()]);
        let map = match_columns(&["full_name".into()], &COLUMNS).expect("matched");
        assert_eq!(map.positions, vec![Some(0), None]);
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let missing = match_columns(&["Năm sinh".into()], &COLUMNS).expect_err("missing");
        assert_eq!(missing.missing.iter().map(|c| c.key).collect::<Vec<_>>(), vec!["full_name"]);
    }
}
