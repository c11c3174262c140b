//! Every shipped framework and test fixture survives the trip to Excel and back unchanged, and
//! a person's mistakes come back named by sheet, row and column.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly on purpose")]

use calamine::{Data, Reader};
use proptest::prelude::*;
use xhht_evaluation::{Framework, FrameworkStatus, shipped_framework, shipped_frameworks, validate};
use xhht_framework_sheets::{SHEETS, read, write};

const FIXTURES: [&str; 3] = [
    include_str!("../../evaluation/tests/fixtures/tt24-tinh-complete.test.json"),
    include_str!("../../evaluation/tests/fixtures/qd324-complete.test.json"),
    include_str!("../../evaluation/tests/fixtures/pass-fail-15.test.json"),
];

#[test]
fn every_shipped_framework_round_trips_exactly() {
    let mut all = shipped_frameworks();
    all.extend(FIXTURES.iter().map(|json| serde_json::from_str::<Framework>(json).unwrap()));
    assert!(all.len() >= 23);
    for framework in all {
        let bytes = write(&framework).unwrap();
        let back = read(&bytes).unwrap_or_else(|e| panic!("{}: {e:#?}", framework.id)).framework;
        assert_eq!(back, framework, "{}", framework.id);
        assert_eq!(serde_json::to_value(&back).unwrap(), serde_json::to_value(&framework).unwrap());
    }
}

#[test]
fn the_workbook_has_its_sheets_in_order() {
    let framework = shipped_frameworks().into_iter().next().unwrap();
    let bytes = write(&framework).unwrap();
    let book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), SHEETS.map(str::to_owned));
}

type Grids = Vec<(String, Vec<Vec<Data>>)>;

/// The workbook's cells, sheet by sheet, as a person's spreadsheet program would keep them.
fn grids(bytes: &[u8]) -> Grids {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// Saves edited cells as a new workbook, as Excel would after an official's changes.
fn save(grids: &Grids) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in grids {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::String(s) => sheet.write_string(r, c, s).map(|_| ()),
                    Data::Float(n) => sheet.write_number(r, c, *n).map(|_| ()),
                    Data::Int(n) => sheet.write_number(r, c, *n as f64).map(|_| ()),
                    Data::Bool(b) => sheet.write_boolean(r, c, *b).map(|_| ()),
                    _ => Ok(()),
                }
                .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn sheet<'a>(grids: &'a mut Grids, name: &str) -> &'a mut Vec<Vec<Data>> {
    &mut grids.iter_mut().find(|(n, _)| n == name).unwrap().1
}

fn column(rows: &[Vec<Data>], key: &str) -> usize {
    rows[0].iter().position(|h| h.to_string().ends_with(&format!("({key})"))).unwrap()
}

fn family() -> Framework {
    shipped_framework("mau.gia-dinh-hoc-tap").unwrap()
}

#[test]
fn a_bad_cell_is_named_by_sheet_row_and_column() {
    let mut g = grids(&write(&family()).unwrap());
    let rows = sheet(&mut g, "Chỉ tiêu");
    let max = column(rows, "max");
    rows[2][max] = Data::String("mười".into());
    let errors = read(&save(&g)).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].code, "invalid_cell");
    assert_eq!(errors[0].at.a1(), "'Chỉ tiêu'!F3");
    assert_eq!(errors[0].message_vi, "trang “Chỉ tiêu”, dòng 3, cột F: giá trị “mười” không hợp lệ, cần một số");
    assert!(errors[0].message_en.starts_with("sheet “Chỉ tiêu”, row 3, column F"));
}

#[test]
fn a_missing_column_lists_the_headings_expected() {
    let mut g = grids(&write(&family()).unwrap());
    let rows = sheet(&mut g, "Chỉ tiêu");
    let text = column(rows, "text_vi");
    rows[0][text] = Data::String("Nội dung".into());
    let errors = read(&save(&g)).unwrap_err();
    assert_eq!(errors[0].code, "missing_column");
    assert!(errors[0].message_vi.contains("thiếu cột text_vi"), "{}", errors[0].message_vi);
    assert!(errors[0].message_vi.contains("Nội dung (tiếng Việt) (text_vi)"));
}

#[test]
fn columns_may_be_moved_and_dates_typed_the_vietnamese_way() {
    let mut framework = family();
    framework.valid_from = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
    let mut g = grids(&write(&framework).unwrap());
    for (_, rows) in g.iter_mut() {
        for row in rows.iter_mut() {
            row.reverse();
        }
    }
    let general = sheet(&mut g, "Thông tin chung");
    let (field, value) = (column(general, "field"), column(general, "value"));
    let at = general.iter().position(|r| r[field] == Data::String("valid_from".into())).unwrap();
    general[at][value] = Data::String("01/03/2026".into());
    let back = read(&save(&g)).unwrap().framework;
    assert_eq!(back, framework);
}

#[test]
fn validation_findings_point_at_the_cells_they_came_from() {
    let mut framework = family();
    framework.status = FrameworkStatus::Published;
    framework.template = false;
    framework.groups[0].indicators[1].measure = xhht_evaluation::Measure::Points { max: -1.0 };
    let book = read(&write(&framework).unwrap()).unwrap();
    let errors = validate(&book.framework).unwrap_err();
    let at = errors.iter().find(|e| e.path.starts_with("/groups/0/indicators/1")).unwrap();
    let cell = book.locate(&at.path).unwrap();
    assert_eq!((cell.sheet, cell.row), ("Chỉ tiêu", 3), "{}", at.path);
    let missing = errors.iter().find(|e| e.path == "/missing").unwrap();
    assert_eq!(book.locate(&missing.path).unwrap().a1(), "'Còn thiếu'!A1");
    let empty_group = errors.iter().find(|e| e.path.starts_with("/groups/2")).unwrap_or_else(|| panic!("{errors:#?}"));
    assert_eq!(book.locate(&empty_group.path).unwrap().a1(), "'Nhóm tiêu chí'!4:4");
}

#[test]
fn not_a_workbook_is_refused() {
    let errors = read(b"PK\x03\x04 this is not a workbook").unwrap_err();
    assert_eq!(errors[0].code, "unreadable_workbook");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Random bytes and damaged workbooks are refused, never a panic.
    #[test]
    fn damaged_files_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), noise in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = read(&noise);
        let mut bytes = write(&family()).unwrap();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = read(&bytes);
    }
}

#[test]
fn a_sheet_spread_over_the_whole_grid_is_refused_before_it_is_read() {
    let mut g = grids(&write(&family()).unwrap());
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in &mut g {
        let sheet = book.add_worksheet();
        sheet.set_name(name.as_str()).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Data::String(s) = cell {
                    sheet.write_string(r as u32, c as u16, s).unwrap();
                }
            }
        }
        if name == "Chỉ tiêu" {
            sheet.write_string(1_048_575, 16_383, "x").unwrap();
        }
    }
    let errors = read(&book.save_to_buffer().unwrap()).unwrap_err();
    assert_eq!(errors[0].code, "sheet_too_large", "{errors:#?}");
}

#[test]
fn groups_nest_at_most_eight_deep_and_columns_keep_their_letters() {
    let mut g = grids(&write(&family()).unwrap());
    let groups = sheet(&mut g, "Nhóm tiêu chí");
    let (id, parent, name) = (column(groups, "id"), column(groups, "parent"), column(groups, "name_vi"));
    let width = groups[0].len();
    for depth in 0..10 {
        let mut row = vec![Data::Empty; width];
        row[id] = Data::String(format!("L{depth}"));
        if depth > 0 {
            row[parent] = Data::String(format!("L{}", depth - 1));
        }
        row[name] = Data::String(format!("Cấp {depth}"));
        groups.push(row);
    }
    // The official left column A empty: every column moves one to the right.
    for (_, rows) in g.iter_mut() {
        for row in rows.iter_mut() {
            row.insert(0, Data::Empty);
        }
    }
    let errors = read(&save(&g)).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].code, "groups_too_deep");
    let letter = char::from(b'A' + u8::try_from(parent + 1).unwrap());
    assert_eq!(errors[0].at.a1(), format!("'Nhóm tiêu chí'!{letter}{}", 5 + 8 + 1));
}
