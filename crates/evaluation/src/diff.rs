//! What changed between two frameworks (two versions, or a province's copy and the template
//! it was adopted from), for the official who must explain the new version.

use crate::{Framework, Group, Indicator};
use serde::Serialize;
use serde_json::Value;

/// The part of the framework a change is about.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DiffPart {
    Framework,
    Group,
    Indicator,
}

/// What happened to it.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DiffKind {
    Added,
    Removed,
    Changed,
}

/// One difference: a group or indicator added or removed, or one field of a part changed.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub part: DiffPart,
    /// The group or indicator id; `None` for the framework's own fields.
    pub id: Option<String>,
    pub kind: DiffKind,
    /// The field that changed (`text_vi`, `measure`, `result`, …); `None` for an addition or removal.
    pub field: Option<String>,
    /// The Vietnamese text of the group or indicator, to recognise it by.
    pub text_vi: Option<String>,
    /// Any JSON value: a text, a number, a list or an object, as in the document.
    pub before: Option<Value>,
    /// Any JSON value, as `before`.
    pub after: Option<Value>,
}

/// The framework's own fields that a reader compares; the id, version, status and the
/// adoption link say which document it is, not what it requires.
const FRAMEWORK_FIELDS: &[&str] = &[
    "name_vi",
    "name_en",
    "model_kind",
    "target_group",
    "territorial_level",
    "legal_basis",
    "related_documents",
    "supersedes",
    "valid_from",
    "valid_to",
    "cycle",
    "applicants",
    "recognisers",
    "retained_years_after_recognition_year",
    "accepts_partial_answers",
    "missing",
    "confidence_notes",
    "result",
];

const GROUP_FIELDS: &[&str] = &["parent", "name_vi", "name_en", "max_points"];
const INDICATOR_FIELDS: &[&str] =
    &["group", "text_vi", "text_en", "figure_vi", "applies_to", "metric", "measure", "variants"];

/// Groups with their parent id, and indicators with their group id, in document order.
fn flatten<'a>(
    groups: &'a [Group],
    parent: Option<&'a str>,
    out_groups: &mut Vec<(&'a Group, Option<&'a str>)>,
    out_indicators: &mut Vec<(&'a Indicator, &'a str)>,
) {
    for group in groups {
        out_groups.push((group, parent));
        out_indicators.extend(group.indicators.iter().map(|i| (i, group.id.as_str())));
        flatten(&group.groups, Some(&group.id), out_groups, out_indicators);
    }
}

/// The fields of a part as JSON, with its position (parent or group) as one more field.
fn fields(value: Value, position: (&str, Option<&str>)) -> serde_json::Map<String, Value> {
    let mut map = match value {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    map.insert(position.0.to_owned(), position.1.map_or(Value::Null, |p| Value::String(p.to_owned())));
    map
}

fn field_changes(
    part: DiffPart,
    id: Option<&str>,
    text_vi: Option<&str>,
    names: &[&str],
    before: &serde_json::Map<String, Value>,
    after: &serde_json::Map<String, Value>,
    out: &mut Vec<Change>,
) {
    for name in names {
        // An absent field and an empty or null one read the same in a document.
        let read = |map: &serde_json::Map<String, Value>| match map.get(*name) {
            None | Some(Value::Null) => Value::Null,
            Some(Value::Array(a)) if a.is_empty() => Value::Null,
            Some(v) => v.clone(),
        };
        let (b, a) = (read(before), read(after));
        if b != a {
            out.push(Change {
                part,
                id: id.map(str::to_owned),
                kind: DiffKind::Changed,
                field: Some((*name).to_owned()),
                text_vi: text_vi.map(str::to_owned),
                before: Some(b),
                after: Some(a),
            });
        }
    }
}

/// The differences from `before` to `after`: framework fields first, then groups, then
/// indicators; within each, in the order of `after` (removals in the order of `before`).
pub fn diff(before: &Framework, after: &Framework) -> Vec<Change> {
    let mut out = Vec::new();
    let as_map = |f: &Framework| match serde_json::to_value(f) {
        Ok(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    field_changes(DiffPart::Framework, None, None, FRAMEWORK_FIELDS, &as_map(before), &as_map(after), &mut out);

    let (mut groups_before, mut indicators_before) = (Vec::new(), Vec::new());
    flatten(&before.groups, None, &mut groups_before, &mut indicators_before);
    let (mut groups_after, mut indicators_after) = (Vec::new(), Vec::new());
    flatten(&after.groups, None, &mut groups_after, &mut indicators_after);

    let group_map = |g: &Group, parent: Option<&str>| {
        let mut shallow = g.clone();
        shallow.indicators.clear();
        shallow.groups.clear();
        fields(serde_json::to_value(shallow).unwrap_or(Value::Null), ("parent", parent))
    };
    for (group, parent) in &groups_after {
        match groups_before.iter().find(|(g, _)| g.id == group.id) {
            Some((old, old_parent)) => field_changes(
                DiffPart::Group,
                Some(&group.id),
                Some(&group.name_vi),
                GROUP_FIELDS,
                &group_map(old, *old_parent),
                &group_map(group, *parent),
                &mut out,
            ),
            None => out.push(added(DiffPart::Group, &group.id, &group.name_vi, serde_json::to_value(group).ok())),
        }
    }
    for (group, _) in &groups_before {
        if !groups_after.iter().any(|(g, _)| g.id == group.id) {
            out.push(removed(DiffPart::Group, &group.id, &group.name_vi, serde_json::to_value(group).ok()));
        }
    }

    let indicator_map =
        |i: &Indicator, group: &str| fields(serde_json::to_value(i).unwrap_or(Value::Null), ("group", Some(group)));
    for (indicator, group) in &indicators_after {
        match indicators_before.iter().find(|(i, _)| i.id == indicator.id) {
            Some((old, old_group)) => field_changes(
                DiffPart::Indicator,
                Some(&indicator.id),
                Some(&indicator.text_vi),
                INDICATOR_FIELDS,
                &indicator_map(old, old_group),
                &indicator_map(indicator, group),
                &mut out,
            ),
            None => out.push(added(
                DiffPart::Indicator,
                &indicator.id,
                &indicator.text_vi,
                Some(Value::Object(indicator_map(indicator, group))),
            )),
        }
    }
    for (indicator, group) in &indicators_before {
        if !indicators_after.iter().any(|(i, _)| i.id == indicator.id) {
            out.push(removed(
                DiffPart::Indicator,
                &indicator.id,
                &indicator.text_vi,
                Some(Value::Object(indicator_map(indicator, group))),
            ));
        }
    }
    out
}

fn added(part: DiffPart, id: &str, text_vi: &str, value: Option<Value>) -> Change {
    Change {
        part,
        id: Some(id.to_owned()),
        kind: DiffKind::Added,
        field: None,
        text_vi: Some(text_vi.to_owned()),
        before: None,
        after: value,
    }
}

fn removed(part: DiffPart, id: &str, text_vi: &str, value: Option<Value>) -> Change {
    Change {
        part,
        id: Some(id.to_owned()),
        kind: DiffKind::Removed,
        field: None,
        text_vi: Some(text_vi.to_owned()),
        before: value,
        after: None,
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;
    use crate::{Measure, shipped_framework};

    #[test]
    fn a_framework_against_itself_has_no_difference() {
        for f in crate::shipped_frameworks() {
            assert_eq!(diff(&f, &f), Vec::new(), "{}", f.id);
        }
    }

    #[test]
    fn additions_removals_and_changes_are_listed_by_part() {
        let before = shipped_framework("mau.gia-dinh-hoc-tap").expect("shipped");
        let mut after = before.clone();
        after.version = 2;
        after.missing.clear();
        after.groups[0].indicators[0].measure = Measure::Points { max: 15.0 };
        after.groups[0].indicators[1].text_vi = "Kết quả học tập từ khá trở lên".into();
        let moved = after.groups[0].indicators.remove(2);
        after.groups[1].indicators.push(moved);
        after.groups[1].indicators.remove(0);
        after.groups[2].indicators.push(crate::Indicator {
            id: "TC3.1".into(),
            text_vi: "Có tủ sách gia đình".into(),
            text_en: None,
            figure_vi: None,
            applies_to: Vec::new(),
            metric: None,
            measure: Measure::Points { max: 10.0 },
            variants: Vec::new(),
        });
        let changes = diff(&before, &after);
        let brief: Vec<(DiffPart, Option<&str>, DiffKind, Option<&str>)> =
            changes.iter().map(|c| (c.part, c.id.as_deref(), c.kind, c.field.as_deref())).collect();
        assert_eq!(
            brief,
            [
                (DiffPart::Framework, None, DiffKind::Changed, Some("missing")),
                (DiffPart::Indicator, Some("TC1.1"), DiffKind::Changed, Some("measure")),
                (DiffPart::Indicator, Some("TC1.2"), DiffKind::Changed, Some("text_vi")),
                (DiffPart::Indicator, Some("TC1.3"), DiffKind::Changed, Some("group")),
                (DiffPart::Indicator, Some("TC3.1"), DiffKind::Added, None),
                (DiffPart::Indicator, Some("TC2.1"), DiffKind::Removed, None),
            ]
        );
        assert_eq!(changes[1].after, Some(serde_json::json!({"kind": "points", "max": 15.0})));
        assert_eq!(changes[3].before, Some(Value::String("TC1".into())));
    }
}
