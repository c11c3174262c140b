//! The JSON body extractor of every handler.
//!
//! JSON has one number type: `2040` and `2040.0` are the same value, and JSON Schema's
//! `integer` (the type the OpenAPI document gives ids, years and counts) accepts both. serde
//! refuses a float for an `i64` field, so a client whose JSON library writes every number as
//! a float (JavaScript's `JSON.stringify` does not, but many spreadsheet exporters do) would
//! be refused a valid request. The body is therefore read as a `serde_json::Value`, integral
//! floats that an `f64` holds exactly become integers, and only then is it deserialised into
//! the request type. Everything else (size limit, content type, error shapes) is actix's
//! `web::Json` with the application's `JsonConfig`.

use crate::error::ApiError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;
use serde_json::{Number, Value};
use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

/// A deserialised JSON request body; see the module documentation.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T> JsonBody<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for JsonBody<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let value = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let mut value = value.await?.into_inner();
            integral_floats_to_integers(&mut value);
            serde_json::from_value(value).map(JsonBody).map_err(|e| ApiError::InvalidJson(e.to_string()).into())
        })
    }
}

/// 2^53: below it every integer is exactly an `f64`, so an integral float is the number the
/// client wrote. Above it a float is only near that number, and an integer too large for an
/// `i64` (`-9223372036854775809`) reaches us as the float -2^63: taken as an integer it would
/// pass for `i64::MIN`. Such numbers stay floats and are refused.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// Rewrites `1.0` as `1` throughout, where the float is exactly that integer.
fn integral_floats_to_integers(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f.abs() < EXACT
            {
                // Exact: |f| < 2^53 and integral, so the cast neither rounds nor saturates.
                *n = Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_floats_to_integers),
        Value::Object(fields) => fields.values_mut().for_each(integral_floats_to_integers),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    }
}
