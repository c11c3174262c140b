//! Reports as officials open them: CSV (UTF-8 with a byte-order mark, so that Excel shows
//! Vietnamese as it is) and XLSX (a sheet per model with a header block, a frozen heading,
//! number formats, a totals row and a chart of the share against the target by row).

use crate::dto::{BoundariesDto, FigureRow, ReportSection, StatisticsReport, TrendReport};
use crate::error::ApiError;
use chrono::{NaiveDate, TimeDelta};
use rust_xlsxwriter::{Chart, ChartType, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use std::collections::HashSet;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV: &str = "text/csv; charset=utf-8";

pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The columns of a figures table, in Vietnamese as officials write them.
const HEADINGS: [&str; 19] = [
    "Mã đơn vị",
    "Đơn vị",
    "Đăng ký",
    "Nộp hồ sơ",
    "Đã thẩm định",
    "Được công nhận",
    "Mức 1",
    "Mức 2",
    "Mức 3 trở lên",
    "Không công nhận",
    "Thu hồi",
    "Đang giữ danh hiệu",
    "Mẫu số",
    "Tỉ lệ (%)",
    "Chỉ tiêu (%)",
    "Năm chỉ tiêu",
    "Chênh lệch (điểm %)",
    "Đạt chỉ tiêu",
    "Quy đổi gần đúng",
];

fn vn_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn boundaries_vi(b: BoundariesDto) -> &'static str {
    match b {
        BoundariesDto::Today => "địa giới hành chính hiện nay",
        BoundariesDto::OfTheTime => "địa giới hành chính tại thời điểm báo cáo",
    }
}

fn row_name(row: &FigureRow) -> (String, String) {
    match &row.unit {
        Some(u) if row.direct => (u.code.clone(), format!("{} (trực tiếp)", u.name)),
        Some(u) => (u.code.clone(), u.name.clone()),
        None => (String::new(), "Toàn quốc".to_owned()),
    }
}

fn met_vi(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "Đạt",
        Some(false) => "Chưa đạt",
        None => "",
    }
}

/// The cells of one row, as text for CSV.
fn csv_cells(section: &str, row: &FigureRow, total: bool) -> Vec<String> {
    let (code, name) = row_name(row);
    let opt = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    vec![
        section.to_owned(),
        if total { String::new() } else { code },
        if total { format!("Tổng: {name}") } else { name },
        row.registered.to_string(),
        row.submitted.to_string(),
        row.inspected.to_string(),
        row.recognised.to_string(),
        row.level1.to_string(),
        row.level2.to_string(),
        row.level3.to_string(),
        row.rejected.to_string(),
        row.revoked.to_string(),
        row.held.to_string(),
        row.denominator.map(|d| d.to_string()).unwrap_or_default(),
        opt(row.share),
        opt(row.target.as_ref().and_then(|t| t.value)),
        row.target.as_ref().map(|t| t.target_year.to_string()).unwrap_or_default(),
        opt(row.gap),
        met_vi(row.met).to_owned(),
        row.approximate.to_string(),
    ]
}

pub(crate) fn csv_error(e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "cannot write a CSV file");
    ApiError::Internal
}

/// One table: a row per section and unit, with the section's total after its rows.
pub fn statistics_csv(report: &StatisticsReport) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::Writer::from_writer(BOM.to_vec());
    let mut heading = vec!["Mô hình"];
    heading.extend(HEADINGS);
    out.write_record(&heading).map_err(csv_error)?;
    for section in &report.sections {
        for row in &section.rows {
            out.write_record(csv_cells(&section.title_vi, row, false)).map_err(csv_error)?;
        }
        out.write_record(csv_cells(&section.title_vi, &section.total, true)).map_err(csv_error)?;
    }
    out.into_inner().map_err(csv_error)
}

/// Years as rows, a row per model and year.
pub fn trends_csv(report: &TrendReport) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::Writer::from_writer(BOM.to_vec());
    let mut heading = vec!["Mô hình", "Năm"];
    heading.extend(&HEADINGS[2..]);
    out.write_record(&heading).map_err(csv_error)?;
    for section in &report.sections {
        for point in &section.points {
            let mut cells = csv_cells(&section.title_vi, &point.figures, false);
            cells.splice(1..3, [point.year.to_string()]);
            out.write_record(cells).map_err(csv_error)?;
        }
    }
    out.into_inner().map_err(csv_error)
}

pub(crate) fn xlsx_error(e: XlsxError) -> ApiError {
    tracing::error!(error = %e, "cannot write an XLSX file");
    ApiError::Internal
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, unique in the book.
fn sheet_name(title: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    let mut name: String = clean.chars().take(31).collect();
    let mut n = 2;
    while !taken.insert(name.to_lowercase()) {
        let suffix = format!(" ({n})");
        name = clean.chars().take(31 - suffix.chars().count()).collect::<String>() + &suffix;
        n += 1;
    }
    name
}

struct Styles {
    title: Format,
    heading: Format,
    count: Format,
    percent: Format,
    total_text: Format,
    total_count: Format,
    total_percent: Format,
}

impl Styles {
    fn new() -> Styles {
        let heading =
            Format::new().set_bold().set_text_wrap().set_border(FormatBorder::Thin).set_background_color(0xDDEBF7);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            heading,
            count: Format::new().set_num_format("#,##0"),
            percent: Format::new().set_num_format("0.0"),
            total_text: Format::new().set_bold().set_border_top(FormatBorder::Thin),
            total_count: Format::new().set_bold().set_border_top(FormatBorder::Thin).set_num_format("#,##0"),
            total_percent: Format::new().set_bold().set_border_top(FormatBorder::Thin).set_num_format("0.0"),
        }
    }
}

fn write_figures(
    sheet: &mut Worksheet,
    row: u32,
    first_col: u16,
    figures: &FigureRow,
    total: bool,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let (count, percent) =
        if total { (&styles.total_count, &styles.total_percent) } else { (&styles.count, &styles.percent) };
    let counts = [
        figures.registered,
        figures.submitted,
        figures.inspected,
        figures.recognised,
        figures.level1,
        figures.level2,
        figures.level3,
        figures.rejected,
        figures.revoked,
        figures.held,
    ];
    let mut col = first_col;
    for n in counts {
        sheet.write_number_with_format(row, col, n as f64, count)?;
        col += 1;
    }
    if let Some(d) = figures.denominator {
        sheet.write_number_with_format(row, col, d as f64, count)?;
    }
    col += 1;
    for value in [figures.share, figures.target.as_ref().and_then(|t| t.value)] {
        if let Some(v) = value {
            sheet.write_number_with_format(row, col, v, percent)?;
        }
        col += 1;
    }
    if let Some(t) = &figures.target {
        let plain = Format::new();
        sheet.write_number_with_format(
            row,
            col,
            f64::from(t.target_year),
            if total { &styles.total_text } else { &plain },
        )?;
    }
    col += 1;
    if let Some(gap) = figures.gap {
        sheet.write_number_with_format(row, col, gap, percent)?;
    }
    col += 1;
    sheet.write_string(row, col, met_vi(figures.met))?;
    col += 1;
    sheet.write_number_with_format(row, col, figures.approximate as f64, count)?;
    Ok(())
}

/// The header block every sheet starts with; returns the first free row.
fn header_block(
    sheet: &mut Worksheet,
    report: &StatisticsReport,
    title: &str,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    let unit = report.unit.as_ref().map_or_else(|| "Toàn quốc".to_owned(), |u| format!("{} (mã {})", u.name, u.code));
    sheet.write_string_with_format(0, 0, title, &styles.title)?;
    let lines = [
        format!("Đơn vị: {unit}"),
        format!("Năm đánh giá: {}", report.year),
        format!("Địa giới: {} (ngày {})", boundaries_vi(report.boundaries), vn_date(report.as_of)),
        format!("Danh hiệu còn hiệu lực tính đến ngày: {}", vn_date(report.on)),
        format!("Căn cứ chỉ tiêu: {}", legal_bases(report)),
        format!(
            "Lập lúc: {} (giờ Việt Nam), từ Hệ thống XHHT",
            (report.generated_at + TimeDelta::hours(7)).format("%H:%M %d/%m/%Y")
        ),
    ];
    for (i, line) in lines.iter().enumerate() {
        sheet.write_string(u32::try_from(i + 1).unwrap_or(1), 0, line)?;
    }
    Ok(8)
}

/// The acts the targets of a report come from, each once.
fn legal_bases(report: &StatisticsReport) -> String {
    let mut acts: Vec<String> = Vec::new();
    for section in &report.sections {
        for row in section.rows.iter().chain(std::iter::once(&section.total)) {
            if let Some(t) = &row.target {
                let act = match t.issued_on {
                    Some(day) => format!("{} ngày {} của {}", t.legal_number, vn_date(day), t.legal_issuer),
                    None => format!("{} của {}", t.legal_number, t.legal_issuer),
                };
                if !acts.contains(&act) {
                    acts.push(act);
                }
            }
        }
    }
    if acts.is_empty() { "không có chỉ tiêu áp dụng".to_owned() } else { acts.join("; ") }
}

fn section_sheet(
    book: &mut Workbook,
    report: &StatisticsReport,
    section: &ReportSection,
    name: &str,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    let title = format!("{} – tỉ lệ trên số {}", section.title_vi, section.denominator_vi);
    let head = header_block(sheet, report, &title, styles)?;
    for (col, heading) in HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(head, u16::try_from(col).unwrap_or(0), *heading, &styles.heading)?;
    }
    sheet.set_freeze_panes(head + 1, 2)?;
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 34)?;
    for col in 2..u16::try_from(HEADINGS.len()).unwrap_or(19) {
        sheet.set_column_width(col, 11)?;
    }
    let mut row = head + 1;
    for figures in &section.rows {
        let (code, name) = row_name(figures);
        sheet.write_string(row, 0, &code)?;
        sheet.write_string(row, 1, &name)?;
        write_figures(sheet, row, 2, figures, false, styles)?;
        row += 1;
    }
    let (_, total_name) = row_name(&section.total);
    sheet.write_string_with_format(row, 0, "", &styles.total_text)?;
    sheet.write_string_with_format(row, 1, format!("Tổng: {total_name}"), &styles.total_text)?;
    write_figures(sheet, row, 2, &section.total, true, styles)?;
    if !section.rows.is_empty() {
        // Share and target by row: columns 13 and 14 (Tỉ lệ, Chỉ tiêu) of the rows above the total.
        let (first, last) = (head + 1, row - 1);
        let mut chart = Chart::new(ChartType::Column);
        chart.title().set_name(&format!("{}: tỉ lệ so với chỉ tiêu", section.title_vi));
        chart
            .add_series()
            .set_name("Tỉ lệ (%)")
            .set_categories((name, first, 1, last, 1))
            .set_values((name, first, 13, last, 13));
        chart
            .add_series()
            .set_name("Chỉ tiêu (%)")
            .set_categories((name, first, 1, last, 1))
            .set_values((name, first, 14, last, 14));
        chart.y_axis().set_name("%");
        sheet.insert_chart(row + 2, 1, &chart)?;
    }
    Ok(())
}

/// The report as a workbook: a sheet per model, then the registries and the declared figures.
pub fn statistics_xlsx(report: &StatisticsReport) -> Result<Vec<u8>, ApiError> {
    let styles = Styles::new();
    let mut book = Workbook::new();
    let mut taken = HashSet::new();
    for section in &report.sections {
        let name = sheet_name(&section.title_vi, &mut taken);
        section_sheet(&mut book, report, section, &name, &styles).map_err(xlsx_error)?;
    }
    let registry = sheet_name("Sổ đăng ký", &mut taken);
    let sheet = book.add_worksheet();
    sheet.set_name(&registry).map_err(xlsx_error)?;
    let head = header_block(sheet, report, "Số bản ghi trong sổ đăng ký", &styles).map_err(xlsx_error)?;
    let write_table = |sheet: &mut Worksheet| -> Result<(), XlsxError> {
        sheet.write_string_with_format(head, 0, "Sổ", &styles.heading)?;
        sheet.write_string_with_format(head, 1, "Mã đơn vị", &styles.heading)?;
        sheet.write_string_with_format(head, 2, "Đơn vị", &styles.heading)?;
        sheet.write_string_with_format(head, 3, "Số bản ghi", &styles.heading)?;
        sheet.set_freeze_panes(head + 1, 0)?;
        sheet.set_column_width(0, 28)?;
        sheet.set_column_width(2, 34)?;
        let mut row = head + 1;
        for figure in &report.registry {
            for r in figure.rows.iter().chain(std::iter::once(&figure.total)) {
                let is_total = std::ptr::eq(r, &figure.total);
                let (code, name) = match &r.unit {
                    Some(u) => (u.code.clone(), u.name.clone()),
                    None => (String::new(), "Toàn quốc".to_owned()),
                };
                let text = if is_total { &styles.total_text } else { &Format::new() };
                sheet.write_string_with_format(row, 0, &figure.label_vi, text)?;
                sheet.write_string_with_format(row, 1, if is_total { "" } else { &code }, text)?;
                sheet.write_string_with_format(row, 2, if is_total { format!("Tổng: {name}") } else { name }, text)?;
                sheet.write_number_with_format(
                    row,
                    3,
                    r.records as f64,
                    if is_total { &styles.total_count } else { &styles.count },
                )?;
                row += 1;
            }
        }
        Ok(())
    };
    write_table(sheet).map_err(xlsx_error)?;
    if !report.declared.is_empty() {
        let declared = sheet_name("Số liệu kê khai", &mut taken);
        let sheet = book.add_worksheet();
        sheet.set_name(&declared).map_err(xlsx_error)?;
        let head = header_block(sheet, report, "Số liệu do đơn vị kê khai", &styles).map_err(xlsx_error)?;
        let table = |sheet: &mut Worksheet| -> Result<(), XlsxError> {
            for (col, heading) in
                ["Chỉ số", "Mã đơn vị", "Đơn vị", "Giá trị", "Tỉ lệ trên dân số (%)"].iter().enumerate()
            {
                sheet.write_string_with_format(head, u16::try_from(col).unwrap_or(0), *heading, &styles.heading)?;
            }
            sheet.set_freeze_panes(head + 1, 0)?;
            sheet.set_column_width(0, 40)?;
            sheet.set_column_width(2, 34)?;
            let mut row = head + 1;
            for figure in &report.declared {
                for r in figure.rows.iter().chain(std::iter::once(&figure.total)) {
                    let is_total = std::ptr::eq(r, &figure.total);
                    let (code, name) = match &r.unit {
                        Some(u) => (u.code.clone(), u.name.clone()),
                        None => (String::new(), "Toàn quốc".to_owned()),
                    };
                    sheet.write_string(row, 0, &figure.label_vi)?;
                    sheet.write_string(row, 1, if is_total { "" } else { &code })?;
                    sheet.write_string(row, 2, if is_total { format!("Tổng: {name}") } else { name })?;
                    if let Some(v) = r.value {
                        sheet.write_number_with_format(row, 3, v, &styles.count)?;
                    }
                    if let Some(v) = r.share_of_population {
                        sheet.write_number_with_format(row, 4, v, &styles.percent)?;
                    }
                    row += 1;
                }
            }
            Ok(())
        };
        table(sheet).map_err(xlsx_error)?;
    }
    book.save_to_buffer().map_err(xlsx_error)
}

/// Trends as a workbook: a sheet per model with a row per year and a line chart.
pub fn trends_xlsx(report: &TrendReport) -> Result<Vec<u8>, ApiError> {
    let styles = Styles::new();
    let mut book = Workbook::new();
    let mut taken = HashSet::new();
    let unit = report.unit.as_ref().map_or_else(|| "Toàn quốc".to_owned(), |u| format!("{} (mã {})", u.name, u.code));
    for section in &report.sections {
        let name = sheet_name(&section.title_vi, &mut taken);
        let sheet = book.add_worksheet();
        let write = |sheet: &mut Worksheet| -> Result<(), XlsxError> {
            sheet.set_name(&name)?;
            sheet.write_string_with_format(
                0,
                0,
                format!("{}: {} – {}", section.title_vi, report.first_year, report.last_year),
                &styles.title,
            )?;
            sheet.write_string(1, 0, format!("Đơn vị: {unit}"))?;
            sheet.write_string(2, 0, format!("Địa giới: {}", boundaries_vi(report.boundaries)))?;
            let head = 4;
            sheet.write_string_with_format(head, 0, "Năm", &styles.heading)?;
            sheet.write_string_with_format(head, 1, "", &styles.heading)?;
            for (col, heading) in HEADINGS[2..].iter().enumerate() {
                sheet.write_string_with_format(head, u16::try_from(col + 2).unwrap_or(2), *heading, &styles.heading)?;
            }
            sheet.set_freeze_panes(head + 1, 1)?;
            let mut row = head + 1;
            for point in &section.points {
                sheet.write_number(row, 0, f64::from(point.year))?;
                write_figures(sheet, row, 2, &point.figures, false, &styles)?;
                row += 1;
            }
            if row > head + 1 {
                let (first, last) = (head + 1, row - 1);
                let mut chart = Chart::new(ChartType::Line);
                chart.title().set_name(&format!("{}: tỉ lệ qua các năm", section.title_vi));
                chart
                    .add_series()
                    .set_name("Tỉ lệ (%)")
                    .set_categories((name.as_str(), first, 0, last, 0))
                    .set_values((name.as_str(), first, 13, last, 13));
                chart
                    .add_series()
                    .set_name("Chỉ tiêu (%)")
                    .set_categories((name.as_str(), first, 0, last, 0))
                    .set_values((name.as_str(), first, 14, last, 14));
                sheet.insert_chart(row + 2, 1, &chart)?;
            }
            Ok(())
        };
        write(sheet).map_err(xlsx_error)?;
    }
    if report.sections.is_empty() {
        book.add_worksheet().write_string(0, 0, "Không có số liệu").map_err(xlsx_error)?;
    }
    book.save_to_buffer().map_err(xlsx_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = HashSet::new();
        let long = "Công dân học tập – cán bộ, công nhân viên, doanh nhân";
        let a = sheet_name(long, &mut taken);
        let b = sheet_name(long, &mut taken);
        assert!(a.chars().count() <= 31 && b.chars().count() <= 31);
        assert_ne!(a, b);
        assert_eq!(sheet_name("a/b:c", &mut taken), "abc");
    }
}
