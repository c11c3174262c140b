//! Password guesses counted in windows every server shares (`auth::throttle` in the API says
//! what is counted and why).

use crate::db::DbConn;
use crate::error::Result;
use crate::schema::sign_in_guesses;
use diesel::prelude::*;

/// How long a window's count is kept: the longest window, with a margin.
const KEEP_SECONDS: i64 = 2 * 3600;

/// Counts one guess under each (key, window start), and returns the counts now, in order.
/// Windows that ended long ago are removed on the way.
pub fn take(conn: &mut DbConn, keys: &[(String, i64)], now: i64) -> Result<Vec<i32>> {
    diesel::delete(sign_in_guesses::table.filter(sign_in_guesses::window_start.lt(now - KEEP_SECONDS)))
        .execute(conn)?;
    let mut counts = Vec::with_capacity(keys.len());
    for (key, window) in keys {
        let count: i32 = crate::per_backend!(conn, |c| diesel::insert_into(sign_in_guesses::table)
            .values((
                sign_in_guesses::key.eq(key),
                sign_in_guesses::window_start.eq(window),
                sign_in_guesses::count.eq(1)
            ))
            .on_conflict((sign_in_guesses::key, sign_in_guesses::window_start))
            .do_update()
            .set(sign_in_guesses::count.eq(sign_in_guesses::count + 1))
            .returning(sign_in_guesses::count)
            .get_result(c)?);
        counts.push(count);
    }
    Ok(counts)
}
