//! The JSON body extractor of every handler, and the reading of JSON values into request
//! types with errors a form can show.
//!
//! - JSON has one number type: `2040` and `2040.0` are the same value, and JSON Schema's
//!   `integer` (the type the OpenAPI document gives ids, years and counts) accepts both. serde
//!   refuses a float for an `i64` field, so a client whose JSON library writes every number as
//!   a float (many spreadsheet exporters do) would be refused a valid request. Integral floats
//!   that an `f64` holds exactly become integers before the body is read.
//! - Text is normalised to NFC: a name typed on one keyboard as "ễ" and on another as "e" plus
//!   two combining marks is the same name, for duplicate checks, search and spreadsheets.
//! - A body that is JSON but does not fit the request type is a 422 `validation_failed` with
//!   one error naming the field by its path (`members[2].birth_year`): a missing field, a value
//!   of the wrong type, a malformed date, an unknown field or an unknown value of a closed set.
//!   Only a body that is not JSON at all is a 400 `invalid_json`.
//! - A key appears once in an object: with `{"password": "a", "password": "b"}` a reader that
//!   keeps the first and one that keeps the last disagree on what was sent. A repeated key is a
//!   422 naming it.
//! - Text holds no control characters but tab and line breaks: NUL cannot be stored by
//!   PostgreSQL, and the others cannot be shown, printed or put in a header. A body with one is
//!   a 422 naming the field, before anything is read.

use crate::error::{ApiError, FieldError, Issue};
use crate::i18n::Rule;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;
use serde_json::{Number, Value};
use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A deserialised JSON request body, its text in NFC; see the module documentation.
#[derive(Debug)]
pub struct JsonBody<T> {
    body: T,
    /// The body as sent, when normalising changed its text: lengths and patterns are the
    /// document's, counted on what the client sent (NFC may shorten or lengthen a text).
    as_sent: Option<T>,
}

impl<T> JsonBody<T> {
    pub fn into_inner(self) -> T {
        self.body
    }
}

impl<T: validator::Validate> JsonBody<T> {
    /// Checks the body as the client sent it against the rules the document states.
    pub fn validate(&self) -> Result<(), validator::ValidationErrors> {
        self.as_sent.as_ref().unwrap_or(&self.body).validate()
    }
}

impl<T> Deref for JsonBody<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.body
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let value = web::Json::<UniqueKeys>::from_request(req, payload);
        Box::pin(async move {
            let UniqueKeys(mut value) = value.await?.into_inner();
            if let Some(field) = control_character_at(&value, "") {
                return Err(ApiError::Validation(vec![FieldError::rule(field, Rule::ControlCharacter)]).into());
            }
            integral_floats_to_integers(&mut value);
            let sent = value.clone();
            let as_sent = if to_nfc(&mut value) { Some(from_value(sent, "")?) } else { None };
            Ok(JsonBody { body: from_value(value, "")?, as_sent })
        })
    }
}

/// A JSON value whose objects repeat no key.
pub struct UniqueKeys(pub Value);

/// The start of the error for a repeated key, which the JSON error handler turns into a 422.
pub const DUPLICATE_KEY: &str = "duplicate key `";

impl<'de> serde::Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueKeysVisitor).map(UniqueKeys)
    }
}

struct UniqueKeysVisitor;

impl<'de> serde::de::Visitor<'de> for UniqueKeysVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(UniqueKeys(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let UniqueKeys(item) = map.next_value()?;
            if fields.contains_key(&key) {
                return Err(serde::de::Error::custom(format!("{DUPLICATE_KEY}{key}`")));
            }
            fields.insert(key, item);
        }
        Ok(Value::Object(fields))
    }
}

/// Reads `value` into `T`; a mismatch is a 422 naming the field, its path under `prefix`.
pub fn from_value<T: DeserializeOwned>(value: Value, prefix: &str) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        ApiError::Validation(vec![field_error(prefix, &path, e.inner())])
    })
}

/// The field and issue of a serde error, from its message: serde reports what went wrong only
/// as text, in a small number of fixed shapes.
fn field_error(prefix: &str, path: &str, error: &serde_json::Error) -> FieldError {
    let text = error.to_string();
    let quoted = |t: &str| t.split('`').nth(1).map(str::to_owned);
    let join = |name: Option<String>| {
        let mut parts: Vec<String> = Vec::new();
        if !prefix.is_empty() {
            parts.push(prefix.to_owned());
        }
        if path != "." && !path.is_empty() {
            parts.push(path.to_owned());
        }
        if let Some(name) = name {
            parts.push(name);
        }
        let joined = parts.join(".").replace(".[", "[");
        if joined.is_empty() { "body".to_owned() } else { joined }
    };
    if text.starts_with("missing field `") {
        return FieldError::new(join(quoted(&text)), Issue::Required);
    }
    if text.starts_with("unknown field `") {
        // The path already ends with the unknown field's name.
        let name = quoted(&text).filter(|n| !(path == n || path.ends_with(&format!(".{n}"))));
        return FieldError::new(join(name), Issue::UnknownField);
    }
    let field = join(None);
    if text.starts_with("unknown variant `") {
        let allowed = text
            .split_once("expected ")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).map(str::to_owned).collect())
            .unwrap_or_default();
        return FieldError::new(field, Issue::NotOneOf { allowed });
    }
    let expected = text.split_once(", expected ").map(|(_, e)| e).unwrap_or("");
    if is_date_error(&text) || expected.contains("date") {
        return FieldError::new(field, Issue::InvalidDate);
    }
    if text.starts_with("invalid type: ") {
        let json_type = match expected {
            e if e.starts_with('i') || e.starts_with('u') || e.contains("integer") => "integer",
            e if e.starts_with('f') || e.contains("number") => "number",
            e if e.contains("string") || e.contains("char") => "string",
            e if e.contains("bool") => "boolean",
            e if e.contains("sequence") || e.contains("array") || e.contains("tuple") => "array",
            e if e.contains("map") || e.contains("struct") || e.contains("enum") => "object",
            _ => "",
        };
        return FieldError::new(field, Issue::WrongType { expected: json_type });
    }
    tracing::debug!(field = %field, error = %text, "an unreadable value");
    FieldError::new(field, Issue::Unreadable)
}

/// chrono's parse errors, which serde passes on as they are.
fn is_date_error(text: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "input is not enough for unique date",
        "no possible date and time matching input",
    ]
    .iter()
    .any(|m| text.starts_with(m))
}

/// 2^53: up to it every integer is exactly an `f64`, so an integral float is the number the
/// client wrote (as JavaScript, which has no other numbers, reads it). Above it a float is only near that number, and an integer too large for an
/// `i64` (`-9223372036854775809`) reaches us as the float -2^63: taken as an integer it would
/// pass for `i64::MIN`. Such numbers stay floats and are refused.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// Rewrites `1.0` as `1` throughout, where the float is exactly that integer.
fn integral_floats_to_integers(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f.abs() <= EXACT
            {
                // Exact: |f| <= 2^53 and integral, so the cast neither rounds nor saturates.
                *n = Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_floats_to_integers),
        Value::Object(fields) => fields.values_mut().for_each(integral_floats_to_integers),
        _ => {}
    }
}

/// A control character other than tab, line feed and carriage return.
pub fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether text holds a control character other than tab and line breaks.
pub fn has_control_character(text: &str) -> bool {
    text.chars().any(is_refused_control)
}

/// The path of the first text (value or key) with a control character, `body` for the whole.
fn control_character_at(value: &Value, path: &str) -> Option<String> {
    match value {
        Value::String(text) => {
            has_control_character(text).then(|| if path.is_empty() { "body".to_owned() } else { path.to_owned() })
        }
        Value::Array(items) => {
            items.iter().enumerate().find_map(|(i, item)| control_character_at(item, &format!("{path}[{i}]")))
        }
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let at = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            if has_control_character(key) { Some(at) } else { control_character_at(item, &at) }
        }),
        _ => None,
    }
}

/// Text in Unicode normalisation form C, throughout (keys too: an answer's indicator id).
pub fn nfc(text: &str) -> Option<String> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => None,
        _ => Some(text.nfc().collect()),
    }
}

/// Normalises every text to NFC; whether anything changed.
fn to_nfc(value: &mut Value) -> bool {
    match value {
        Value::String(text) => match nfc(text) {
            Some(normal) => {
                *text = normal;
                true
            }
            None => false,
        },
        Value::Array(items) => items.iter_mut().fold(false, |changed, item| to_nfc(item) | changed),
        Value::Object(fields) => {
            let mut changed = false;
            if fields.keys().any(|k| nfc(k).is_some()) {
                changed = true;
                let entries = std::mem::take(fields);
                for (key, item) in entries {
                    fields.insert(nfc(&key).unwrap_or(key), item);
                }
            }
            fields.values_mut().fold(changed, |changed, item| to_nfc(item) | changed)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use serde::Deserialize;
    use serde_json::json;

    #[test]
    fn integral_floats_become_integers_and_others_stay() {
        let mut value: Value =
            serde_json::from_str(r#"{"a": 2040.0, "b": [-834.0, 1.5, 7], "c": {"d": 1e300, "e": -0.0}}"#)
                .unwrap_or_default();
        integral_floats_to_integers(&mut value);
        assert_eq!(value, json!({"a": 2040, "b": [-834, 1.5, 7], "c": {"d": 1e300, "e": 0}}));
        assert!(value["a"].is_i64());
        assert!(value["c"]["d"].is_f64(), "beyond 2^53 a float stays one");

        let mut value: Value = serde_json::from_str("[1e15, -9223372036854775809, 1e16]").unwrap_or_default();
        integral_floats_to_integers(&mut value);
        assert_eq!(value[0], json!(1_000_000_000_000_000_i64));
        assert!(value[1].is_f64(), "an integer below i64::MIN is not i64::MIN");
        assert!(value[2].is_f64(), "past 2^53 a float is not known to be the integer written");

        // Parsed to the nearest f64 (serde_json's float_roundtrip), a large integral float is
        // still exactly its integer.
        let mut value: Value = serde_json::from_str("-1859084469432123.0").unwrap_or_default();
        integral_floats_to_integers(&mut value);
        assert_eq!(value, json!(-1_859_084_469_432_123_i64));
        // 2^53 itself is exact (a fuzzer found it refused).
        let mut value: Value = serde_json::from_str("[9007199254740992.0, 9007199254740994.0]").unwrap_or_default();
        integral_floats_to_integers(&mut value);
        assert_eq!(value[0], json!(9_007_199_254_740_992_i64));
        assert!(value[1].is_f64());
    }

    #[test]
    fn a_key_comes_once_and_control_characters_are_found_by_path() {
        let parse = |text: &str| serde_json::from_str::<UniqueKeys>(text).map(|v| v.0);
        assert_eq!(
            parse(r#"{"a": [1, 2.5, null, {"b": true}]}"#).unwrap_or_default(),
            json!({"a": [1, 2.5, null, {"b": true}]})
        );
        let error =
            parse(r#"{"a": {"password": "x", "password": "y"}}"#).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.starts_with("duplicate key `password`"), "{error}");
        assert_eq!(control_character_at(&json!({"a": [{"b": "ok\tok\n"}]}), ""), None);
        assert_eq!(control_character_at(&json!({"a": [{"b": "x"}, {"b": "p\u{0}b"}]}), "").as_deref(), Some("a[1].b"));
        assert_eq!(control_character_at(&json!({"k\u{1}": 1}), "").as_deref(), Some("k\u{1}"));
        assert_eq!(control_character_at(&json!("\u{7f}"), "").as_deref(), Some("body"));
    }

    #[test]
    fn text_becomes_nfc_keys_too() {
        let decomposed = "Nguye\u{302}\u{303}n"; // ê + combining tilde, as some keyboards send it
        let mut value = json!({"full_name": decomposed, "list": [decomposed], decomposed: 1});
        assert!(to_nfc(&mut value));
        assert!(!to_nfc(&mut value), "normalised text stays as it is");
        assert_eq!(value["full_name"], json!("Nguyễn"));
        assert_eq!(value["list"][0], json!("Nguyễn"));
        assert_eq!(value["Nguyễn"], json!(1));
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Member {
        birth_year: i32,
        born_on: Option<NaiveDate>,
        sex: Sex,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Sex {
        Male,
        Female,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Household {
        label: String,
        members: Vec<Member>,
    }

    fn error_of(value: Value) -> (String, String) {
        match from_value::<Household>(value, "") {
            Err(ApiError::Validation(errors)) => {
                let e = &errors[0];
                (e.field.clone(), format!("{:?}", e.issue))
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn a_mismatch_names_its_field_by_path() {
        let member = json!({"birth_year": 1985, "sex": "male"});
        let (field, issue) = error_of(json!({"members": [member]}));
        assert_eq!((field.as_str(), issue.as_str()), ("label", "Required"));
        let (field, issue) =
            error_of(json!({"label": "x", "members": [member, {"birth_year": "1985", "sex": "male"}]}));
        assert_eq!(field, "members[1].birth_year");
        assert!(issue.contains("integer"), "{issue}");
        let (field, issue) =
            error_of(json!({"label": "x", "members": [{"birth_year": 1, "sex": "male", "born_on": "01/01/2026"}]}));
        assert_eq!((field.as_str(), issue.as_str()), ("members[0].born_on", "InvalidDate"));
        let (field, issue) = error_of(json!({"label": "x", "members": [{"birth_year": 1, "sex": "nam"}]}));
        assert_eq!(field, "members[0].sex");
        assert!(issue.contains("male") && issue.contains("female"), "{issue}");
        let (field, issue) = error_of(json!({"label": "x", "members": [], "extra": 1}));
        assert_eq!((field.as_str(), issue.as_str()), ("extra", "UnknownField"));
        let (field, issue) =
            error_of(json!({"label": "x", "members": [{"birth_year": 99999999999i64, "sex": "male"}]}));
        assert_eq!((field.as_str(), issue.as_str()), ("members[0].birth_year", "Unreadable"));
        let (field, _) = error_of(json!("a household"));
        assert_eq!(field, "body");
    }
}
