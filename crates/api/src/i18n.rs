//! The two languages of user-facing messages: Vietnamese by default, English on request.

use actix_web::HttpRequest;
use actix_web::http::header::ACCEPT_LANGUAGE;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Picks the first of `vi` or `en` named in `Accept-Language` by quality; Vietnamese when
    /// neither is named.
    pub fn from_header(value: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in value.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality =
                pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            let lang = if tag == "vi" || tag.starts_with("vi-") {
                Lang::Vi
            } else if tag == "en" || tag.starts_with("en-") {
                Lang::En
            } else {
                continue;
            };
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
        best.map_or(Lang::Vi, |(_, l)| l)
    }

    pub fn of(req: &HttpRequest) -> Lang {
        req.headers().get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Lang::Vi, Lang::from_header)
    }

    /// Chooses between the Vietnamese and the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn english_only_when_preferred() {
        assert_eq!(Lang::from_header("en"), Lang::En);
        assert_eq!(Lang::from_header("en-US,en;q=0.9"), Lang::En);
        assert_eq!(Lang::from_header("vi,en;q=0.5"), Lang::Vi);
        assert_eq!(Lang::from_header("fr"), Lang::Vi);
        assert_eq!(Lang::from_header("fr;q=1, en;q=0.2, vi;q=0.8"), Lang::Vi);
        assert_eq!(Lang::from_header("en;q=0"), Lang::Vi);
    }
}
