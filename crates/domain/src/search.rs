//! Name search that ignores case and Vietnamese diacritics.
//!
//! Users type `ba dinh` and expect `Phường Ba Đình`. Names are stored once in their folded
//! form, so a search is a plain `LIKE` on an ASCII-ish column instead of collation tricks that
//! differ between SQLite and PostgreSQL.

use unicode_normalization::UnicodeNormalization;

/// Folds text for search: lower case, no diacritics, `đ` → `d`, runs of white space as one
/// space, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.nfd() {
        if is_combining_mark(ch) {
            continue;
        }
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match ch {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(ch.to_lowercase()),
        }
    }
    out
}

fn is_combining_mark(ch: char) -> bool {
    // Vietnamese tone and vowel marks all decompose into this block under NFD.
    ('\u{0300}'..='\u{036F}').contains(&ch)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_vietnamese_names() {
        assert_eq!(fold("Phường Ba Đình"), "phuong ba dinh");
        assert_eq!(fold("  Thành phố   Hồ Chí Minh "), "thanh pho ho chi minh");
        assert_eq!(fold("ĐẮK LẮK"), "dak lak");
        assert_eq!(fold("Tổ dân phố số 7"), "to dan pho so 7");
    }

    #[test]
    fn folding_is_idempotent() {
        for s in ["Xã Nghĩa Đô", "Đặc khu Côn Đảo", "Bản Nà Ơn"] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }
}
