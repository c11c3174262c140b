//! Bulk-import files as rows of text cells, and the workbooks a clerk fills in and corrects.
//!
//! Reading knows nothing of households or citizens: a file becomes a heading row and rows of
//! trimmed text, whatever its format. CSV comes in UTF-8 (with or without a byte-order mark) or
//! UTF-16 (Excel's "Unicode text"), separated by commas, semicolons or tabs; XLSX is streamed
//! cell by cell from its first sheet (or a named one), merged cells giving every cell of the
//! area the value of its first; JSON is an array of objects, NDJSON one object a line. Nothing
//! is held whole in memory except an XLSX's shared strings.
//!
//! What the cells mean is the caller's: [`Column`]s name the expected columns, matched by their
//! Vietnamese heading or English key, and [`dates`] reads the dates clerks type.

pub mod columns;
pub mod dates;
pub mod read;
pub mod write;

pub use columns::{Choice, Column, ColumnMap, MissingColumns, match_columns};
pub use read::{FileError, Format, Row, Rows, open};
