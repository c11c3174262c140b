//! The frameworks found in the regulations, shipped as JSON data embedded in the binary.
//!
//! Each file carries its legal basis and confidence notes. Only TT 22/2020 is complete; the
//! others are drafts that list in `missing` what the research did not find. The `mau.*` files
//! are templates for the grassroots models, whose 2021–2030 criteria were not found: a
//! province adopts one under its own decision, completes it and publishes its copy.

use crate::Framework;

/// File name and JSON text of every shipped framework.
pub const SHIPPED_SOURCES: &[(&str, &str)] = &[
    ("vn.moet.dvht.huyen.tt22-2020.json", include_str!("../frameworks/vn.moet.dvht.huyen.tt22-2020.json")),
    ("vn.moet.dvht.tinh.tt22-2020.json", include_str!("../frameworks/vn.moet.dvht.tinh.tt22-2020.json")),
    ("vn.moet.dvht.huyen.tt24-2023.json", include_str!("../frameworks/vn.moet.dvht.huyen.tt24-2023.json")),
    ("vn.moet.dvht.tinh.tt24-2023.json", include_str!("../frameworks/vn.moet.dvht.tinh.tt24-2023.json")),
    ("vn.moet.cdht.xa.tt25-2023.json", include_str!("../frameworks/vn.moet.cdht.xa.tt25-2023.json")),
    ("vn.moet.cdht.huyen.tt25-2023.json", include_str!("../frameworks/vn.moet.cdht.huyen.tt25-2023.json")),
    ("vn.moet.cdht.tinh.tt25-2023.json", include_str!("../frameworks/vn.moet.cdht.tinh.tt25-2023.json")),
    ("vn.hkh.cdht.qd324-2023.resident.json", include_str!("../frameworks/vn.hkh.cdht.qd324-2023.resident.json")),
    ("vn.hkh.cdht.qd324-2023.worker.json", include_str!("../frameworks/vn.hkh.cdht.qd324-2023.worker.json")),
    (
        "vn.hkh.cdht.qd324-2023.staff-business.json",
        include_str!("../frameworks/vn.hkh.cdht.qd324-2023.staff-business.json"),
    ),
    ("vn.hkh.cdht.qd324-2023.learner.json", include_str!("../frameworks/vn.hkh.cdht.qd324-2023.learner.json")),
    ("vn.hkh.gdht.qd448-2015.json", include_str!("../frameworks/vn.hkh.gdht.qd448-2015.json")),
    // Templates (`"template": true`): starting points a province adopts and completes.
    ("mau.gia-dinh-hoc-tap.json", include_str!("../frameworks/mau.gia-dinh-hoc-tap.json")),
    ("mau.dong-ho-hoc-tap.json", include_str!("../frameworks/mau.dong-ho-hoc-tap.json")),
    ("mau.cong-dong-hoc-tap-thon.json", include_str!("../frameworks/mau.cong-dong-hoc-tap-thon.json")),
    ("mau.don-vi-hoc-tap-xa.json", include_str!("../frameworks/mau.don-vi-hoc-tap-xa.json")),
    ("mau.cong-dan-hoc-tap.nguoi-dan.json", include_str!("../frameworks/mau.cong-dan-hoc-tap.nguoi-dan.json")),
    (
        "mau.cong-dan-hoc-tap.nguoi-lao-dong.json",
        include_str!("../frameworks/mau.cong-dan-hoc-tap.nguoi-lao-dong.json"),
    ),
    (
        "mau.cong-dan-hoc-tap.can-bo-doanh-nhan.json",
        include_str!("../frameworks/mau.cong-dan-hoc-tap.can-bo-doanh-nhan.json"),
    ),
    (
        "mau.cong-dan-hoc-tap.hoc-sinh-sinh-vien.json",
        include_str!("../frameworks/mau.cong-dan-hoc-tap.hoc-sinh-sinh-vien.json"),
    ),
];

/// Every shipped framework, parsed.
///
/// # Panics
/// Never in a tested build: the embedded files are checked by the crate's tests, so a parse
/// failure here can only come from editing a file without running them.
pub fn shipped_frameworks() -> Vec<Framework> {
    SHIPPED_SOURCES
        .iter()
        .map(|(name, json)| serde_json::from_str(json).unwrap_or_else(|e| panic!("shipped framework {name}: {e}")))
        .collect()
}

/// The shipped framework with this id, if any.
pub fn shipped_framework(id: &str) -> Option<Framework> {
    shipped_frameworks().into_iter().find(|f| f.id == id)
}
