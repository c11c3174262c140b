//! The cost of authentication: checking an access token (signature and claims, per request)
//! and a password sign-in (argon2id with the production parameters). The per-request account
//! version check is one primary-key read, measured with the HTTP benchmark instead.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};
use xhht_api::auth::password::Passwords;
use xhht_api::auth::token::Tokens;
use xhht_api::config::Settings;
use xhht_domain::{Role, Scope};

fn measure<F: FnMut()>(label: &str, budget: Duration, mut f: F) {
    for _ in 0..3 {
        f();
    }
    let started = Instant::now();
    let mut n: u64 = 0;
    while started.elapsed() < budget {
        f();
        n += 1;
    }
    let per = started.elapsed() / u32::try_from(n).unwrap_or(u32::MAX);
    let rate = n as f64 / started.elapsed().as_secs_f64();
    println!("{label:<48} {per:>12.2?} per call  {rate:>12.0} per second  ({n} calls)");
}

fn main() {
    let tokens = Tokens::new(b"a-benchmark-secret-of-at-least-32-bytes", 900).unwrap();
    let scope = Scope {
        nationwide: false,
        write: vec!["/10811/10845/".into()],
        read: vec!["/1/".into(), "/10811/10845/".into()],
    };
    let token = tokens.issue(42, "cb.badinh", 3, &[Role::CommuneOfficer], &scope, "f:bench").unwrap();
    println!("access token: {} bytes", token.len());
    measure("token check (HS256 verify + claims)", Duration::from_secs(2), || {
        black_box(tokens.verify(black_box(&token)).unwrap());
    });
    measure("token issue", Duration::from_secs(1), || {
        black_box(tokens.issue(42, "cb.badinh", 3, &[Role::CommuneOfficer], &scope, "f:bench").unwrap());
    });
    let defaults = Settings::default();
    let passwords = Passwords::new(defaults.argon2_memory_kib, defaults.argon2_iterations).unwrap();
    let hash = passwords.hash("a-correct-horse-battery").unwrap();
    measure(
        &format!("password check (argon2id m={} KiB, t={})", defaults.argon2_memory_kib, defaults.argon2_iterations),
        Duration::from_secs(3),
        || {
            black_box(passwords.verify(black_box("a-correct-horse-battery"), Some(&hash)));
        },
    );
}
