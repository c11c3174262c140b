//! Files → a heading row and rows of text cells, streamed.

use calamine::{DataRef, Reader, Xlsx};
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// The formats an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
    Ndjson,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
        }
    }

    pub fn parse(text: &str) -> Option<Format> {
        [Format::Csv, Format::Xlsx, Format::Json, Format::Ndjson].into_iter().find(|f| f.as_str() == text)
    }

    /// The format a media type names; `None` for a type that says nothing (octet-stream).
    pub fn from_media_type(media_type: &str) -> Option<Format> {
        match media_type.trim().to_ascii_lowercase().as_str() {
            "text/csv" | "text/tab-separated-values" | "application/csv" => Some(Format::Csv),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Some(Format::Xlsx),
            "application/json" => Some(Format::Json),
            "application/x-ndjson" | "application/ndjson" | "application/jsonl" | "application/x-jsonlines" => {
                Some(Format::Ndjson)
            }
            _ => None,
        }
    }

    /// The format of a file by its first bytes: a zip archive is a workbook, `[` a JSON array,
    /// `{` one object a line; anything else is read as CSV.
    pub fn sniff(head: &[u8]) -> Format {
        if head.starts_with(b"PK\x03\x04") {
            return Format::Xlsx;
        }
        let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'[') => Format::Json,
            Some(b'{') => Format::Ndjson,
            _ => Format::Csv,
        }
    }
}

/// Why a file cannot be read at all (a bad row is the caller's to judge, not this).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not a workbook, or a damaged one.
    NotAWorkbook(String),
    SheetNotFound {
        sheet: String,
        available: Vec<String>,
    },
    /// The workbook unpacks to more than the limit (in bytes).
    WorkbookTooLarge {
        limit: u64,
    },
    /// Text that is neither UTF-8 nor UTF-16 with a byte-order mark, from this row on.
    Encoding {
        row: u64,
    },
    /// Broken JSON at this row (element or line).
    Json {
        row: u64,
        detail: String,
    },
    /// A row longer than any record needs (a file with no line breaks, say).
    RowTooLong {
        row: u64,
        limit: usize,
    },
    /// Nothing in the file, not even headings.
    Empty,
    Io(String),
}

/// One row as the file has it: its number as the clerk sees it (the line of a CSV, the row of
/// a sheet, the element of a JSON array counted from 1) and its cells in the headings' order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: u64,
    pub cells: Vec<String>,
}

/// A file being read.
pub trait Rows: Send {
    /// The headings: a CSV's or sheet's first non-empty row; for JSON, the keys asked for.
    fn headings(&self) -> &[String];
    /// The next non-empty row.
    fn next_row(&mut self) -> Option<Result<Row, FileError>>;
    /// Bytes of the file consumed so far, for progress.
    fn bytes_read(&self) -> u64;
    /// JSON keys met that are not among the headings (ignored by the reader).
    fn unknown_keys(&self) -> Vec<String> {
        Vec::new()
    }
}

/// Bounds on what a file may make the reader hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest total a workbook may unpack to, by its own directory.
    pub max_unpacked_bytes: u64,
    /// Longest row (a CSV record, a JSON element or line), in bytes.
    pub max_row_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_unpacked_bytes: 2 << 30, max_row_bytes: 1 << 20 }
    }
}

/// Opens a file. `keys` are the expected columns' keys: JSON objects are read by them.
pub fn open(
    format: Format,
    path: &Path,
    sheet: Option<&str>,
    keys: &[&str],
    limits: Limits,
) -> Result<Box<dyn Rows>, FileError> {
    let counter = Arc::new(AtomicU64::new(0));
    let file = File::open(path).map_err(|e| FileError::Io(e.to_string()))?;
    let counted = Counting { inner: file, count: counter.clone() };
    match format {
        Format::Csv => Ok(Box::new(CsvRows::new(counted, counter, limits)?)),
        Format::Xlsx => Ok(Box::new(XlsxRows::new(path, sheet, counter, limits)?)),
        Format::Json | Format::Ndjson => {
            let headings = keys.iter().map(|k| (*k).to_owned()).collect();
            Ok(Box::new(JsonRows::new(counted, counter, format == Format::Json, headings, limits)?))
        }
    }
}

/// Counts the bytes read through it.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: std::io::Seek> std::io::Seek for Counting<R> {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(to)
    }
}

fn io(e: std::io::Error) -> FileError {
    FileError::Io(e.to_string())
}

// ----- CSV -----------------------------------------------------------------------------------

/// UTF-16 text as UTF-8, decoded as it streams.
struct Utf16<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    out: Vec<u8>,
    at: usize,
    done: bool,
}

impl<R: Read> Read for Utf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.out.len() {
            if self.done {
                return Ok(0);
            }
            self.raw.resize(64 * 1024, 0);
            let n = self.inner.read(&mut self.raw)?;
            let last = n == 0;
            self.out.clear();
            self.out.resize(self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16), 0);
            let (_, _, written, _) = self.decoder.decode_to_utf8(&self.raw[..n], &mut self.out, last);
            self.out.truncate(written);
            self.at = 0;
            self.done = last;
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

struct CsvRows {
    reader: csv::Reader<Box<dyn Read + Send>>,
    headings: Vec<String>,
    record: csv::ByteRecord,
    counter: Arc<AtomicU64>,
    limits: Limits,
    failed: bool,
}

/// The separator of the first line: the most frequent of comma, semicolon and tab outside
/// quotes (Excel in a Vietnamese locale saves with commas, in some European ones with
/// semicolons, and "Unicode text" with tabs).
fn separator(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

impl CsvRows {
    fn new(file: Counting<File>, counter: Arc<AtomicU64>, limits: Limits) -> Result<Self, FileError> {
        let mut file = BufReader::with_capacity(256 * 1024, file);
        let bom = file.fill_buf().map_err(io)?;
        let text: Box<dyn Read + Send> = if bom.starts_with(b"\xFF\xFE") || bom.starts_with(b"\xFE\xFF") {
            // The decoder reads the byte-order mark, picks the byte order from it and drops it.
            let decoder = encoding_rs::UTF_16LE.new_decoder();
            Box::new(Utf16 { inner: file, decoder, raw: Vec::new(), out: Vec::new(), at: 0, done: false })
        } else {
            if bom.starts_with(b"\xEF\xBB\xBF") {
                file.consume(3);
            }
            Box::new(file)
        };
        // Read the first 64 KiB to find the separator, then read on from the start of it.
        let mut head = Vec::with_capacity(64 * 1024);
        let mut text = text;
        text.by_ref().take(64 * 1024).read_to_end(&mut head).map_err(io)?;
        let sep = separator(&head);
        let stream: Box<dyn Read + Send> = Box::new(Cursor::new(head).chain(text));
        let reader = csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            // Lines end at `\n`; a `\r` before it is trimmed with the cell. (With CRLF as one
            // terminator the reader numbers each record from the line before it.)
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(256 * 1024)
            .from_reader(stream);
        let mut rows =
            CsvRows { reader, headings: Vec::new(), record: csv::ByteRecord::new(), counter, limits, failed: false };
        match rows.next_row() {
            Some(Ok(first)) => rows.headings = first.cells,
            Some(Err(e)) => return Err(e),
            None => return Err(FileError::Empty),
        }
        Ok(rows)
    }
}

impl Rows for CsvRows {
    fn headings(&self) -> &[String] {
        &self.headings
    }

    fn next_row(&mut self) -> Option<Result<Row, FileError>> {
        if self.failed {
            return None;
        }
        loop {
            let row = self.reader.position().line();
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    self.failed = true;
                    return Some(Err(match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => FileError::Encoding { row },
                        csv::ErrorKind::Io(_) => FileError::Io(e.to_string()),
                        _ => FileError::Encoding { row },
                    }));
                }
            }
            let number = self.record.position().map_or(row, |p| p.line());
            if self.record.as_slice().len() > self.limits.max_row_bytes {
                self.failed = true;
                return Some(Err(FileError::RowTooLong { row: number, limit: self.limits.max_row_bytes }));
            }
            let mut cells = Vec::with_capacity(self.record.len());
            for field in &self.record {
                match std::str::from_utf8(field) {
                    Ok(text) => cells.push(text.trim().to_owned()),
                    Err(_) => {
                        self.failed = true;
                        return Some(Err(FileError::Encoding { row: number }));
                    }
                }
            }
            if cells.iter().any(|c| !c.is_empty()) {
                return Some(Ok(Row { number, cells }));
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.counter.load(Ordering::Relaxed)
    }
}

// ----- XLSX ----------------------------------------------------------------------------------

/// A workbook is read on a thread of its own, which owns it and sends rows through a bounded
/// channel: calamine's cell reader borrows the workbook, and the channel keeps only a few
/// thousand rows in flight.
struct XlsxRows {
    headings: Vec<String>,
    rows: Receiver<Result<Row, FileError>>,
    counter: Arc<AtomicU64>,
    done: bool,
}

fn unreadable(e: impl std::fmt::Display) -> FileError {
    FileError::NotAWorkbook(e.to_string())
}

/// A number as a person typed it: integral values without a decimal point.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { n.to_string() }
}

fn cell_text(value: &DataRef) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.trim().to_owned(),
        DataRef::SharedString(s) => s.trim().to_owned(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(n) => number_text(*n),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        // A date cell is its date: clerks' registries hold no times.
        DataRef::DateTime(d) => match crate::dates::from_excel_serial(d.as_f64()) {
            Some(date) if d.is_datetime() => date.format("%Y-%m-%d").to_string(),
            _ => number_text(d.as_f64()),
        },
        DataRef::Error(e) => format!("#{e:?}"),
    }
}

/// A merged area: its first cell, its last, and the value of the first.
type Area = ((u32, u32), (u32, u32), String);

/// Merged areas: every cell of one takes the value of its first cell.
struct Merged {
    areas: Vec<Area>,
}

impl Merged {
    fn fill(&mut self, row: u32, cells: &mut Vec<String>) {
        for (start, end, value) in &mut self.areas {
            if row < start.0 || row > end.0 {
                continue;
            }
            if row == start.0 {
                *value = cells.get(start.1 as usize).cloned().unwrap_or_default();
            }
            let last = end.1 as usize;
            if cells.len() <= last {
                cells.resize(last + 1, String::new());
            }
            for cell in &mut cells[start.1 as usize..=last] {
                if cell.is_empty() {
                    cell.clone_from(value);
                }
            }
        }
    }
}

fn too_big_unpacked(path: &Path, limit: u64) -> Result<(), FileError> {
    let file = File::open(path).map_err(io)?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(unreadable)?;
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        declared = declared.saturating_add(archive.by_index_raw(i).map_err(unreadable)?.size());
    }
    if declared > limit { Err(FileError::WorkbookTooLarge { limit }) } else { Ok(()) }
}

fn read_sheet(
    path: &Path,
    sheet: Option<&str>,
    counter: &Arc<AtomicU64>,
    send: &SyncSender<Result<Row, FileError>>,
) -> Result<(), FileError> {
    let file = File::open(path).map_err(io)?;
    let counted = Counting { inner: file, count: counter.clone() };
    let mut book: Xlsx<_> = Xlsx::new(BufReader::new(counted)).map_err(unreadable)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| FileError::SheetNotFound { sheet: wanted.to_owned(), available: names.clone() })?,
        None => names.first().cloned().ok_or(FileError::Empty)?,
    };
    let areas = book.merge_cells_by_sheet_name(&name).map_err(unreadable)?;
    let mut merged = Merged { areas: areas.into_iter().map(|d| (d.start, d.end, String::new())).collect() };
    let mut reader = book.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut current: Option<(u32, Vec<String>)> = None;
    let flush = |row: u32, mut cells: Vec<String>, merged: &mut Merged| -> bool {
        merged.fill(row, &mut cells);
        if cells.iter().all(|c| c.is_empty()) {
            return true;
        }
        send.send(Ok(Row { number: u64::from(row) + 1, cells })).is_ok()
    };
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        if current.as_ref().is_some_and(|(r, _)| *r != row)
            && let Some((r, cells)) = current.take()
            && !flush(r, cells, &mut merged)
        {
            return Ok(());
        }
        let (_, cells) = current.get_or_insert_with(|| (row, Vec::new()));
        let column = column as usize;
        if column > 16_384 {
            continue;
        }
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = cell_text(cell.get_value());
    }
    if let Some((r, cells)) = current.take() {
        flush(r, cells, &mut merged);
    }
    Ok(())
}

impl XlsxRows {
    fn new(path: &Path, sheet: Option<&str>, counter: Arc<AtomicU64>, limits: Limits) -> Result<Self, FileError> {
        too_big_unpacked(path, limits.max_unpacked_bytes)?;
        let (send, rows) = sync_channel(4096);
        let (path, sheet, thread_counter) = (path.to_owned(), sheet.map(str::to_owned), counter.clone());
        std::thread::Builder::new()
            .name("xlsx-reader".into())
            .spawn(move || {
                // A damaged file can make the workbook library panic (an overflowing cell
                // reference, found by fuzzing). Caught, it is an unreadable file; uncaught, the
                // closed channel would read as the end of the file, and the rows so far as all.
                let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    read_sheet(&path, sheet.as_deref(), &thread_counter, &send)
                }));
                let read =
                    read.unwrap_or_else(|_| Err(unreadable("the workbook library could not read its structure")));
                if let Err(e) = read {
                    let _ = send.send(Err(e));
                }
            })
            .map_err(io)?;
        let mut reader = XlsxRows { headings: Vec::new(), rows, counter, done: false };
        match reader.next_row() {
            Some(Ok(first)) => reader.headings = first.cells,
            Some(Err(e)) => return Err(e),
            None => return Err(FileError::Empty),
        }
        Ok(reader)
    }
}

impl Rows for XlsxRows {
    fn headings(&self) -> &[String] {
        &self.headings
    }

    fn next_row(&mut self) -> Option<Result<Row, FileError>> {
        if self.done {
            return None;
        }
        let next = self.rows.recv().ok();
        if !matches!(next, Some(Ok(_))) {
            self.done = true;
        }
        next
    }

    fn bytes_read(&self) -> u64 {
        self.counter.load(Ordering::Relaxed)
    }
}

// ----- JSON and NDJSON -----------------------------------------------------------------------

struct JsonRows {
    input: BufReader<Counting<File>>,
    array: bool,
    headings: Vec<String>,
    unknown: std::collections::BTreeSet<String>,
    counter: Arc<AtomicU64>,
    limits: Limits,
    /// Elements (JSON) or lines (NDJSON) read.
    number: u64,
    done: bool,
}

fn json_cell(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.trim().to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(f)) => number_text(f),
            _ => n.to_string(),
        },
        // A list (a clan's households): its items, separated as a CSV cell would have them.
        Value::Array(items) => items.iter().map(json_cell).collect::<Vec<_>>().join(";"),
        Value::Object(_) => value.to_string(),
    }
}

impl JsonRows {
    fn new(
        file: Counting<File>,
        counter: Arc<AtomicU64>,
        array: bool,
        headings: Vec<String>,
        limits: Limits,
    ) -> Result<Self, FileError> {
        let mut input = BufReader::with_capacity(256 * 1024, file);
        let bom = input.fill_buf().map_err(io)?;
        if bom.starts_with(b"\xEF\xBB\xBF") {
            input.consume(3);
        }
        let mut rows =
            JsonRows { input, array, headings, unknown: Default::default(), counter, limits, number: 0, done: false };
        if array {
            match rows.next_significant()? {
                Some(b'[') => rows.input.consume(1),
                Some(_) => return Err(FileError::Json { row: 0, detail: "expected a JSON array".into() }),
                None => return Err(FileError::Empty),
            }
        }
        Ok(rows)
    }

    /// The next byte that is not whitespace, left unread.
    fn next_significant(&mut self) -> Result<Option<u8>, FileError> {
        loop {
            let buf = self.input.fill_buf().map_err(io)?;
            let Some(&first) = buf.first() else { return Ok(None) };
            if first.is_ascii_whitespace() {
                self.input.consume(1);
            } else {
                return Ok(Some(first));
            }
        }
    }

    /// The bytes of the array's next element, or `None` after its `]`.
    fn next_element(&mut self) -> Result<Option<Vec<u8>>, FileError> {
        let row = self.number + 1;
        let broken = |detail: &str| FileError::Json { row, detail: detail.to_owned() };
        match self.next_significant()? {
            None => return Err(broken("the array is not closed")),
            Some(b']') => {
                self.input.consume(1);
                return match self.next_significant()? {
                    None => Ok(None),
                    Some(_) => Err(broken("text after the array")),
                };
            }
            Some(b',') if self.number > 0 => {
                self.input.consume(1);
                if self.next_significant()? == Some(b']') {
                    return Err(broken("a comma before the end of the array"));
                }
            }
            Some(_) if self.number == 0 => {}
            Some(_) => return Err(broken("expected a comma between elements")),
        }
        let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
        let mut element = Vec::new();
        loop {
            let buf = self.input.fill_buf().map_err(io)?;
            if buf.is_empty() {
                return Err(broken("the file ends inside an element"));
            }
            let mut used = 0;
            let mut complete = false;
            for &b in buf {
                if depth == 0 && !quoted && (b == b',' || b == b']') && !element.is_empty() {
                    complete = true;
                    break;
                }
                used += 1;
                element.push(b);
                if quoted {
                    match (escaped, b) {
                        (true, _) => escaped = false,
                        (false, b'\\') => escaped = true,
                        (false, b'"') => quoted = false,
                        _ => {}
                    }
                    continue;
                }
                match b {
                    b'"' => quoted = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            self.input.consume(used);
            if element.len() > self.limits.max_row_bytes {
                return Err(FileError::RowTooLong { row, limit: self.limits.max_row_bytes });
            }
            if complete {
                return Ok(Some(element));
            }
        }
    }

    /// The next non-blank line of an NDJSON file.
    fn next_line(&mut self) -> Result<Option<Vec<u8>>, FileError> {
        loop {
            let mut line = Vec::new();
            let limit = self.limits.max_row_bytes as u64 + 1;
            let n = (&mut self.input).take(limit).read_until(b'\n', &mut line).map_err(io)?;
            if n == 0 {
                return Ok(None);
            }
            self.number += 1;
            if line.len() as u64 >= limit && line.last() != Some(&b'\n') {
                return Err(FileError::RowTooLong { row: self.number, limit: self.limits.max_row_bytes });
            }
            if line.iter().any(|b| !b.is_ascii_whitespace()) {
                return Ok(Some(line));
            }
        }
    }

    fn row(&mut self) -> Result<Option<Row>, FileError> {
        let bytes = if self.array {
            let element = self.next_element()?;
            if element.is_some() {
                self.number += 1;
            }
            element
        } else {
            self.next_line()?
        };
        let Some(bytes) = bytes else { return Ok(None) };
        let row = self.number;
        let object: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&bytes)
            .map_err(|e| FileError::Json { row, detail: format!("each row must be a JSON object: {e}") })?;
        let mut cells = vec![String::new(); self.headings.len()];
        for (key, value) in &object {
            match self.headings.iter().position(|h| h == key) {
                Some(i) => cells[i] = json_cell(value),
                None => {
                    if self.unknown.len() < 100 {
                        self.unknown.insert(key.clone());
                    }
                }
            }
        }
        Ok(Some(Row { number: row, cells }))
    }
}

impl Rows for JsonRows {
    fn headings(&self) -> &[String] {
        &self.headings
    }

    fn next_row(&mut self) -> Option<Result<Row, FileError>> {
        loop {
            if self.done {
                return None;
            }
            match self.row() {
                Ok(Some(row)) if row.cells.iter().all(String::is_empty) => continue,
                Ok(Some(row)) => return Some(Ok(row)),
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.counter.load(Ordering::Relaxed)
    }

    fn unknown_keys(&self) -> Vec<String> {
        self.unknown.iter().cloned().collect()
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(bytes: &[u8]) -> std::path::PathBuf {
        static N: AtomicU64 = AtomicU64::new(0);
        let path = std::env::temp_dir().join(format!(
            "xhht-import-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let mut f = File::create(&path).expect("temp file");
        f.write_all(bytes).expect("written");
        path
    }

    fn all(format: Format, bytes: &[u8]) -> Result<(Vec<String>, Vec<Row>), FileError> {
        let path = file(bytes);
        let result = (|| {
            let mut rows = open(format, &path, None, &["name", "year"], Limits::default())?;
            let headings = rows.headings().to_vec();
            let mut out = Vec::new();
            while let Some(row) = rows.next_row() {
                out.push(row?);
            }
            Ok((headings, out))
        })();
        let _ = std::fs::remove_file(&path);
        result
    }

    fn cells(rows: &[Row]) -> Vec<Vec<&str>> {
        rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect()
    }

    #[test]
    fn csv_in_every_encoding_and_separator() {
        let expected = vec![vec!["Nguyễn Văn A", "1980"], vec!["Trần Thị B", "1990"]];
        let utf8 = "Họ và tên,Năm sinh\nNguyễn Văn A,1980\n\n , \nTrần Thị B,1990\n";
        let (headings, rows) = all(Format::Csv, utf8.as_bytes()).expect("utf-8");
        assert_eq!(headings, vec!["Họ và tên", "Năm sinh"]);
        assert_eq!(cells(&rows), expected);
        assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![2, 5]);

        let bom = [b"\xEF\xBB\xBF".as_slice(), utf8.replace(',', ";").as_bytes()].concat();
        let (headings, rows) = all(Format::Csv, &bom).expect("bom, semicolons");
        assert_eq!(headings[0], "Họ và tên");
        assert_eq!(cells(&rows), expected);

        let tabs = utf8.replace(',', "\t").replace('\n', "\r\n");
        for utf16 in [
            [vec![0xFF, 0xFE], tabs.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()].concat(),
            [vec![0xFE, 0xFF], tabs.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>()].concat(),
        ] {
            let (headings, rows) = all(Format::Csv, &utf16).expect("utf-16");
            assert_eq!(headings, vec!["Họ và tên", "Năm sinh"]);
            assert_eq!(cells(&rows), expected);
            assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![2, 5]);
        }
    }

    #[test]
    fn csv_that_is_not_utf8_is_refused_with_its_row() {
        // "Nguyễn" in Windows-1258 is not UTF-8.
        let bytes = b"name,year\nabc,1\nNguy\xD2n,2\n";
        assert_eq!(all(Format::Csv, bytes).map(|_| ()), Err(FileError::Encoding { row: 3 }));
        assert_eq!(all(Format::Csv, b"").map(|_| ()), Err(FileError::Empty));
    }

    #[test]
    fn json_arrays_and_lines() {
        let array = br#" [ {"name": "A, \"quoted\" ]", "year": 1980, "extra": [1, 2]},
            {"name": null, "year": null}, {"name": "B", "year": 1990.0} ] "#;
        let path = file(array);
        let mut rows = open(Format::Json, &path, None, &["name", "year"], Limits::default()).expect("open");
        let mut out = Vec::new();
        while let Some(row) = rows.next_row() {
            out.push(row.expect("row"));
        }
        assert_eq!(cells(&out), vec![vec!["A, \"quoted\" ]", "1980"], vec!["B", "1990"]]);
        assert_eq!(out[1].number, 3);
        assert_eq!(rows.unknown_keys(), vec!["extra".to_owned()]);
        let _ = std::fs::remove_file(&path);

        let lines = b"{\"name\": \"A\", \"year\": 1}\n\n{\"name\": \"B\"}\n";
        let (_, rows) = all(Format::Ndjson, lines).expect("ndjson");
        assert_eq!(cells(&rows), vec![vec!["A", "1"], vec!["B", ""]]);
        assert_eq!(rows[1].number, 3);

        for broken in [&b"[{\"name\": 1} {\"name\": 2}]"[..], b"[{\"name\": 1},]", b"[{\"name\": 1}", b"[1]", b"{}"] {
            assert!(all(Format::Json, broken).is_err(), "{}", String::from_utf8_lossy(broken));
        }
        assert!(matches!(all(Format::Ndjson, b"{\"name\": 1}\n[1]\n"), Err(FileError::Json { row: 2, .. })));
    }

    #[test]
    fn formats_are_sniffed() {
        assert_eq!(Format::sniff(b"PK\x03\x04rest"), Format::Xlsx);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF  [{"), Format::Json);
        assert_eq!(Format::sniff(b"{\"a\":1}\n"), Format::Ndjson);
        assert_eq!(Format::sniff(b"a,b\n"), Format::Csv);
        assert_eq!(separator(b"a;b;c,d\n1,2,3,4,5"), b';');
        assert_eq!(separator(b"\"a,b,c\";d;e\n"), b';');
        assert_eq!(separator(b"one column\n"), b',');
    }

    #[test]
    fn workbooks_with_merged_cells_dates_and_formulas() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        sheet.write(0, 0, "Họ và tên").expect("cell");
        sheet.write(0, 1, "Ngày").expect("cell");
        sheet.write(0, 2, "Xã").expect("cell");
        sheet.write(1, 0, "A").expect("cell");
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 3, 15).expect("date");
        sheet.write_datetime_with_format(1, 1, &day, &date).expect("cell");
        sheet.merge_range(1, 2, 3, 2, "Xã Một", &rust_xlsxwriter::Format::new()).expect("merge");
        sheet.write(2, 0, "B").expect("cell");
        sheet.write_formula(2, 1, rust_xlsxwriter::Formula::new("=1+1").set_result("2")).expect("cell");
        sheet.write(5, 0, "C").expect("cell");
        let bytes = book.save_to_buffer().expect("saved");
        let (headings, rows) = all(Format::Xlsx, &bytes).expect("read");
        assert_eq!(headings, vec!["Họ và tên", "Ngày", "Xã"]);
        // Row 4 holds nothing but the merged area: an empty row, skipped.
        assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![2, 3, 6]);
        assert_eq!(rows[0].cells, vec!["A", "2026-03-15", "Xã Một"]);
        assert_eq!(rows[1].cells, vec!["B", "2", "Xã Một"]);
        assert_eq!(rows[2].cells, vec!["C"]);

        assert!(matches!(all(Format::Xlsx, b"PK\x03\x04 broken"), Err(FileError::NotAWorkbook(_))));
        let path = file(&bytes);
        let missing = open(Format::Xlsx, &path, Some("Trang 9"), &[], Limits::default()).map(|_| ());
        assert!(matches!(missing, Err(FileError::SheetNotFound { .. })));
        let small = Limits { max_unpacked_bytes: 100, ..Limits::default() };
        let too_big = open(Format::Xlsx, &path, None, &[], small).map(|_| ());
        assert_eq!(too_big, Err(FileError::WorkbookTooLarge { limit: 100 }));
        let _ = std::fs::remove_file(&path);
    }

    /// A cell reference too long for a column number made the workbook library overflow (found
    /// by fuzzing the framework workbooks): the file is refused, not read as ending there.
    #[test]
    fn a_workbook_that_makes_the_library_panic_is_refused() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for r in 0..3u32 {
            sheet.write(r, 0, format!("ô {r}")).expect("cell");
        }
        let bytes = book.save_to_buffer().expect("saved");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).expect("entry");
            let name = entry.name().expect("a name").to_string();
            let mut text = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut text).expect("read");
            if name == "xl/worksheets/sheet1.xml" {
                let xml = String::from_utf8(text).expect("utf-8").replace("r=\"A2\"", "r=\"AAAAAAAAAAAAAAAAA2\"");
                text = xml.into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default()).expect("start");
            out.write_all(&text).expect("write");
        }
        let damaged = out.finish().expect("finished").into_inner();
        let read = all(Format::Xlsx, &damaged);
        // Unoptimised builds check arithmetic, and the library panics; optimised ones wrap it,
        // and the reference names no column a sheet can have.
        if cfg!(debug_assertions) {
            assert!(matches!(read, Err(FileError::NotAWorkbook(_))), "{read:?}");
        }
    }

    /// Random and mutated files never panic: every format either reads or says why not.
    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        fn drain(format: Format, bytes: &[u8]) {
            let path = file(bytes);
            if let Ok(mut rows) = open(format, &path, None, &["name", "year"], Limits::default()) {
                let mut n = 0;
                while let Some(row) = rows.next_row() {
                    n += 1;
                    if row.is_err() || n > 10_000 {
                        break;
                    }
                }
            }
            let _ = std::fs::remove_file(&path);
        }

        fn workbook() -> Vec<u8> {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            for r in 0..20u32 {
                for c in 0..4u16 {
                    let _ = sheet.write(r, c, format!("ô {r} {c}"));
                }
            }
            book.save_to_buffer().unwrap_or_default()
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

            #[test]
            fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
                for format in [Format::Csv, Format::Xlsx, Format::Json, Format::Ndjson] {
                    drain(format, &bytes);
                }
            }

            #[test]
            fn mutated_workbooks(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
                let mut bytes = workbook();
                for (at, value) in flips {
                    let len = bytes.len();
                    if len > 0 {
                        bytes[at % len] = value;
                    }
                }
                drain(Format::Xlsx, &bytes);
            }

            #[test]
            fn mutated_text(text in "[\\[\\]{}\",;\t\r\n a-zA-Zđệ0-9:]{0,300}") {
                for format in [Format::Csv, Format::Json, Format::Ndjson] {
                    drain(format, text.as_bytes());
                }
            }
        }
    }
}
