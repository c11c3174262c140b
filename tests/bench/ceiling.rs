//! The ceiling for any handler of this machine: a minimal actix-web server that answers
//! `GET /items/{id}` with a 500-byte JSON item from a `HashMap`, and nothing else. `make bench`
//! runs it beside the product, round by round, so that a figure is read as a share of what the
//! same machine does in the same minute (machines of one kind differ by up to 3x).
//!
//! Usage: `ceiling <port>`; it serves until killed.

use actix_web::{App, HttpResponse, HttpServer, web};
use std::collections::HashMap;
use std::sync::Arc;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).unwrap_or(8089);
    // 10,000 items of about 500 bytes, the size of a unit's JSON.
    let items: HashMap<i64, web::Bytes> = (1..=10_000)
        .map(|id| {
            let item = serde_json::json!({
                "id": id, "code": format!("{id:05}"), "level": "commune", "name": "Phường Ba Đình",
                "division_type": "phường", "parent": {"id": 1, "code": "01", "level": "province", "name": "Thành phố Hà Nội"},
                "depth": 1, "valid_from": "2025-07-01", "valid_to": null, "code_list": "2025", "closing_basis": null,
                "version": 1, "updated_at": "2026-11-30T00:00:00Z", "former_names": [],
                "note": "x".repeat(120),
            });
            (id, web::Bytes::from(serde_json::to_vec(&item).unwrap_or_default()))
        })
        .collect();
    let items = Arc::new(items);
    HttpServer::new(move || {
        let items = items.clone();
        App::new().route(
            "/items/{id}",
            web::get().to(move |id: web::Path<i64>| {
                let items = items.clone();
                async move {
                    match items.get(&id.into_inner()) {
                        Some(body) => HttpResponse::Ok().content_type("application/json").body(body.clone()),
                        None => HttpResponse::NotFound().finish(),
                    }
                }
            }),
        )
    })
    .bind(("127.0.0.1", port))?
    .run()
    .await
}
