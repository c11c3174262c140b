//! Throttling of password guesses: sign-in and the change of one's own password.
//!
//! An account is never locked: a lock that anyone can trigger with five wrong passwords keeps
//! its owner out for as long as the attacker cares to repeat them. Guesses are counted instead
//! per source address and per account *from that source* (GCRA, `governor`), each at two
//! rates, so that the wait grows: a few guesses in a row cost nothing, more wait seconds, more
//! again wait minutes. An attacker elsewhere uses up only its own allowance, never the owner's.
//! Every guess counts, whether or not the account exists or the password was right, so the
//! answers do not tell which accounts exist.
//!
//! Each server counts in its own memory first (cheap, and smooth: GCRA), then in windows every
//! server shares (`shared_guess`: a minute and an hour, counted in the database), so that
//! servers behind a balancer give an address one allowance, not one each.

use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

type Keyed<K> = RateLimiter<K, DefaultKeyedStateStore<K>, DefaultClock>;

/// Two rates for one kind of key: a burst per minute, and a larger one per hour.
struct Tiered<K: Hash + Eq + Clone> {
    minute: Keyed<K>,
    hour: Keyed<K>,
}

impl<K: Hash + Eq + Clone> Tiered<K> {
    fn new(per_minute: u32) -> Self {
        let per_minute = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        // An hour allows six minutes' worth: past that, a guess waits about ten minutes.
        let per_hour = per_minute.saturating_mul(NonZeroU32::new(6).unwrap_or(NonZeroU32::MIN));
        Tiered {
            minute: RateLimiter::keyed(Quota::per_minute(per_minute)),
            hour: RateLimiter::keyed(Quota::per_hour(per_hour)),
        }
    }

    /// Takes one guess from both rates, or says how many seconds to wait for the next one.
    fn take(&self, key: &K, clock: &DefaultClock) -> Result<(), u64> {
        for limiter in [&self.hour, &self.minute] {
            if let Err(not_until) = limiter.check_key(key) {
                let wait = not_until.wait_time_from(clock.now());
                return Err(wait.as_secs() + u64::from(wait.subsec_nanos() > 0));
            }
        }
        Ok(())
    }

    fn forget_idle(&self) {
        for limiter in [&self.minute, &self.hour] {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

/// How many guesses a minute; an hour allows six times as many.
#[derive(Clone, Copy, Debug)]
pub struct ThrottleLimits {
    pub per_source_per_minute: u32,
    pub per_account_per_minute: u32,
}

pub struct Throttle {
    limits: ThrottleLimits,
    by_source: Tiered<IpAddr>,
    by_account: Tiered<(String, IpAddr)>,
    clock: DefaultClock,
    /// Guesses since the idle keys were last forgotten (the keys are chosen by the caller, so
    /// the maps must not grow without bound).
    taken: AtomicU64,
}

impl Throttle {
    pub fn new(limits: ThrottleLimits) -> Self {
        Throttle {
            limits,
            by_source: Tiered::new(limits.per_source_per_minute),
            by_account: Tiered::new(limits.per_account_per_minute),
            clock: DefaultClock::default(),
            taken: AtomicU64::new(0),
        }
    }

    /// Takes one guess at `account` (a user name as typed, or an account id) from `source`, or
    /// says how many seconds to wait.
    pub fn guess(&self, source: IpAddr, account: &str) -> Result<(), u64> {
        if self.taken.fetch_add(1, Ordering::Relaxed) % 4096 == 4095 {
            self.by_source.forget_idle();
            self.by_account.forget_idle();
        }
        let source = source_key(source);
        self.by_source.take(&source, &self.clock)?;
        self.by_account.take(&(account.trim().to_lowercase(), source), &self.clock)
    }
}

/// Counts one guess at `account` from `source` in the windows every server shares: the
/// current minute and hour, for the source and for the account from it, at the same
/// allowances as `Throttle::guess`. `Err` holds the seconds until the window that is spent
/// ends. Run it in the transaction of the password check.
pub fn shared_guess(
    conn: &mut xhht_persistence::DbConn,
    throttle: &Throttle,
    keys: &super::password::NationalIds,
    source: IpAddr,
    account: &str,
    now: i64,
) -> Result<Result<(), u64>, xhht_persistence::PersistenceError> {
    let source = source_key(source);
    let account = account.trim().to_lowercase();
    let limits = throttle.limits;
    let mut wanted = Vec::with_capacity(4);
    for (span, times) in [(60_i64, 1_u32), (3600, 6)] {
        let start = now - now.rem_euclid(span);
        wanted.push((
            keys.guess_key(&format!("{span} source {source}")),
            start,
            span,
            limits.per_source_per_minute * times,
        ));
        wanted.push((
            keys.guess_key(&format!("{span} account {account} {source}")),
            start,
            span,
            limits.per_account_per_minute * times,
        ));
    }
    let counted: Vec<(String, i64)> = wanted.iter().map(|(key, start, _, _)| (key.clone(), *start)).collect();
    let counts = xhht_persistence::guesses::take(conn, &counted, now)?;
    let spent = wanted
        .iter()
        .zip(counts)
        .filter(|((_, _, _, allowed), count)| i64::from(*count) > i64::from((*allowed).max(1)))
        .map(|((_, start, span, _), _)| u64::try_from(start + span - now).unwrap_or(1).max(1))
        .max();
    Ok(spent.map_or(Ok(()), Err))
}

/// What a source is counted as: an IPv4 address, or an IPv6 address's /64 network, since one
/// subscriber is given a whole /64 and could otherwise take a new address for each guess.
fn source_key(source: IpAddr) -> IpAddr {
    match source.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(std::net::Ipv6Addr::from(u128::from(v6) & !u128::from(u64::MAX))),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_wait_once_the_burst_is_spent_and_others_do_not() {
        let throttle = Throttle::new(ThrottleLimits { per_source_per_minute: 20, per_account_per_minute: 3 });
        let attacker: IpAddr = [10, 0, 0, 1].into();
        let owner: IpAddr = [10, 0, 0, 2].into();
        for _ in 0..3 {
            assert_eq!(throttle.guess(attacker, "admin"), Ok(()));
        }
        let wait = throttle.guess(attacker, "Admin ").err();
        assert!(wait.is_some_and(|s| (1..=20).contains(&s)), "{wait:?}");
        assert_eq!(throttle.guess(owner, "admin"), Ok(()), "the owner, elsewhere, still signs in");
        assert_eq!(throttle.guess(attacker, "other"), Ok(()), "another account from the same source");
        for n in 0..20 {
            let _ = throttle.guess(attacker, &format!("name{n}"));
        }
        assert!(throttle.guess(attacker, "fresh").is_err(), "the source's own allowance runs out too");

        // A /64 is one source, however many of its addresses guess.
        let network = Throttle::new(ThrottleLimits { per_source_per_minute: 20, per_account_per_minute: 3 });
        let addresses: Vec<IpAddr> =
            (1..=4_u16).map(|n| std::net::Ipv6Addr::new(0x2001, 0xdb8, 0, 7, 0, 0, 0, n).into()).collect();
        let answers: Vec<bool> = addresses.iter().map(|a| network.guess(*a, "admin").is_ok()).collect();
        assert_eq!(answers, [true, true, true, false]);
        assert_eq!(source_key("::ffff:10.0.0.1".parse().unwrap_or(attacker)), IpAddr::from([10, 0, 0, 1]));
    }
}
