//! Builders shared by this crate's unit tests.

use crate::model::article::{Article, ArticleId, Provider, Score};
use crate::text::time::Timestamp;
use crate::text::url::HttpUrl;

/// A minimal valid article with the given id, heat and publication second.
pub fn article(id: &str, heat: Option<f64>, published: i64) -> Article {
    Article {
        id: ArticleId::new(id).expect("test id"),
        category: None,
        title: format!("Title {id}"),
        excerpt: String::new(),
        published_at: Timestamp::from_unix(published).expect("test instant"),
        web_url: HttpUrl::parse(&format!("https://example.com/{id}")).expect("test url"),
        original_url: None,
        amp_web_url: None,
        cdn_amp_web_url: None,
        kind: None,
        quality: None,
        heat: heat.map(|h| Score::new(h).expect("test score")),
        draft: false,
        provider: Provider {
            name: "Example".into(),
            domain: Some("example.com".into()),
            images: Vec::new(),
        },
        topics: Vec::new(),
        images: Vec::new(),
        related: Vec::new(),
        body: crate::model::body::Body::default(),
    }
}
