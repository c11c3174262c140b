//! Passwords (argon2id) and random secrets.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

#[derive(Clone)]
pub struct Passwords {
    params: Params,
    /// A hash to verify against when the username is unknown, so that a miss costs as much
    /// time as a wrong password and does not tell which usernames exist.
    decoy: String,
}

impl Passwords {
    pub fn new(memory_kib: u32, iterations: u32) -> anyhow::Result<Self> {
        let params =
            Params::new(memory_kib, iterations, 1, None).map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
        let mut this = Passwords { params, decoy: String::new() };
        this.decoy = this.hash(&random_token(16))?;
        Ok(this)
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    pub fn hash(&self, password: &str) -> anyhow::Result<String> {
        self.argon2()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("cannot hash a password: {e}"))
    }

    pub fn verify(&self, password: &str, hash: Option<&str>) -> bool {
        let stored = hash.unwrap_or(&self.decoy);
        let Ok(parsed) = PasswordHash::new(stored) else {
            return false;
        };
        let ok = self.argon2().verify_password(password.as_bytes(), &parsed).is_ok();
        ok && hash.is_some()
    }
}

/// `bytes` random bytes, base64url without padding.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    if getrandom::fill(&mut buf).is_err() {
        // The OS random source failing is not something to work around with weaker bytes.
        tracing::error!("the operating system's random source failed");
        return String::new();
    }
    URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 in hex: for high-entropy secrets (API keys, refresh tokens), where a slow hash
/// adds nothing.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares without an early exit, so that timing does not reveal a prefix.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new API key, `xhht_<8 hex>_<secret>`, and its public prefix. Only the key's hash is
/// stored; the prefix finds the row without scanning.
pub fn new_api_key() -> (String, String) {
    let prefix: String = sha256_hex(&random_token(16)).chars().take(8).collect();
    let key = format!("xhht_{prefix}_{}", random_token(32));
    (prefix, key)
}

/// Why a new password is refused, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeakPassword {
    /// The user name, or the user name with little around it.
    LikeUsername,
    /// Guessed within about 10^8 tries by zxcvbn's estimate (score below 3 of 4): common
    /// words, names, dates, keyboard walks, repeats such as `aaaaaaaaaaaa`.
    Guessable,
}

/// Checks a password a person chose against what an attacker tries first.
pub fn check_strength(password: &str, username: &str, display_name: &str) -> Result<(), WeakPassword> {
    let lower = password.to_lowercase();
    let name = username.trim().to_lowercase();
    if !name.is_empty() && (lower == name || (lower.contains(&name) && lower.len() < name.len() + 6)) {
        return Err(WeakPassword::LikeUsername);
    }
    // Names are typed with and without diacritics: "Nguyễn Văn An" is guessed as "nguyen van an".
    let folded_name = xhht_domain::search::fold(display_name);
    let mut inputs: Vec<&str> = vec![username, "xhht", "hoc tap", "khuyen hoc"];
    inputs.extend(display_name.split_whitespace());
    inputs.extend(folded_name.split_whitespace());
    let without_diacritics = xhht_domain::search::fold(password);
    for candidate in [password, without_diacritics.as_str()] {
        if u8::from(zxcvbn::zxcvbn(candidate, &inputs).score()) < 3 {
            return Err(WeakPassword::Guessable);
        }
    }
    Ok(())
}

/// HMAC-SHA-256 (RFC 2104) of `parts` joined, in hex.
fn hmac_sha256_hex(key: &[u8], parts: &[&[u8]]) -> String {
    const BLOCK: usize = 64;
    let mut key = if key.len() > BLOCK { Sha256::digest(key).to_vec() } else { key.to_vec() };
    key.resize(BLOCK, 0);
    let inner_pad: Vec<u8> = key.iter().map(|b| b ^ 0x36).collect();
    let outer_pad: Vec<u8> = key.iter().map(|b| b ^ 0x5c).collect();
    let mut inner = Sha256::new().chain_update(&inner_pad);
    for part in parts {
        inner.update(part);
    }
    let outer = Sha256::new().chain_update(&outer_pad).chain_update(inner.finalize()).finalize();
    outer.iter().map(|b| format!("{b:02x}")).collect()
}

/// Keyed hashes of what may carry a national ID number: enough to find duplicates and retries,
/// useless to anyone without the key (an unkeyed hash of a 12-digit number is reversed by
/// trying them all).
#[derive(Clone)]
pub struct NationalIds {
    key: Vec<u8>,
}

impl NationalIds {
    pub fn new(key: &[u8]) -> Self {
        NationalIds { key: key.to_vec() }
    }

    /// HMAC-SHA-256 of the digits, in hex.
    pub fn hash(&self, national_id: &str) -> String {
        let digits: String = national_id.chars().filter(char::is_ascii_digit).collect();
        hmac_sha256_hex(&self.key, &[digits.as_bytes()])
    }

    /// The fingerprint of a request kept with its `Idempotency-Key`: keyed, because the body
    /// may hold a national ID in clear, and the rest of it is in the record it created. The
    /// prefix keeps it from ever equalling a national ID's hash.
    pub fn request_fingerprint(&self, scope: &str, body: &[u8]) -> String {
        hmac_sha256_hex(&self.key, &[b"request\0", scope.as_bytes(), b"\0", body])
    }

    /// The key a password guess is counted under in the shared windows: keyed, so that no
    /// address or user name is stored.
    pub fn guess_key(&self, what: &str) -> String {
        hmac_sha256_hex(&self.key, &[b"guess\0", what.as_bytes()])
    }
}

#[cfg(test)]
mod tests {
    use super::NationalIds;

    #[test]
    fn weak_passwords_are_refused_and_strong_ones_pass() {
        use super::{WeakPassword, check_strength};
        assert_eq!(check_strength("aaaaaaaaaaaa", "cb.xa", ""), Err(WeakPassword::Guessable));
        assert_eq!(check_strength("password1234", "cb.xa", ""), Err(WeakPassword::Guessable));
        assert_eq!(check_strength("CB.badinh", "cb.badinh", ""), Err(WeakPassword::LikeUsername));
        assert_eq!(check_strength("cb.badinh2024", "cb.badinh", ""), Err(WeakPassword::LikeUsername));
        assert_eq!(check_strength("correct-horse-battery-staple", "cb.xa", ""), Ok(()));
        assert_eq!(check_strength("q7R-vd2_Lx9w", "cb.xa", ""), Ok(()));
        assert_eq!(check_strength("Mật khẩu của doan.kt", "doan.kt", "doan.kt"), Ok(()));
    }

    #[test]
    fn hmac_matches_rfc_4231_case_2() {
        assert_eq!(
            super::hmac_sha256_hex(b"Jefe", &[b"what do ya ", b"want for nothing?"]),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let ids = NationalIds::new(b"key");
        assert_eq!(ids.hash("001 085 012 345"), ids.hash("001085012345"));
        assert_ne!(ids.hash("001085012345"), NationalIds::new(b"other").hash("001085012345"));
        assert_ne!(
            ids.request_fingerprint("citizens", b"{}"),
            NationalIds::new(b"other").request_fingerprint("citizens", b"{}")
        );
        assert_ne!(ids.request_fingerprint("a", b"b{}"), ids.request_fingerprint("ab", b"{}"));
    }
}
