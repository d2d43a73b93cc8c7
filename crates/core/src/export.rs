//! Downloads of a result list: CSV, JSON and an Atom feed, written from the bundled articles
//! with the field names of the article format. Pure text generation; the app turns the text
//! into a file.
//!
//! Text is escaped for each format (CSV quoting plus a guard against spreadsheet formulas, JSON
//! string escapes, XML entities), so no article text can break out of its field.

use crate::catalog::Catalog;
use crate::display::{filter_label, value_label};
use crate::model::{Article, Image, Provider, Related, Score};
use crate::time::Timestamp;
use crate::url::safe_href;
use crate::view::{ActiveFilter, ViewState};
use std::fmt::Write as _;

/// The columns of the CSV export, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "title",
    "excerpt",
    "publishedDateTime",
    "webUrl",
    "originalUrl",
    "ampWebUrl",
    "cdnAmpWebUrl",
    "category",
    "type",
    "heat",
    "quality",
    "published",
    "provider.name",
    "provider.domain",
    "topics",
    "images",
    "related",
    "body",
];

/// A view in words, one per filter, as a reader would say it: the search text, a value's
/// label ("not Sports" when excluded), then the ranges ("published from 2024-01-01").
#[must_use]
pub fn view_words(catalog: &Catalog, state: &ViewState) -> Vec<String> {
    state
        .active_filters()
        .iter()
        .map(|filter| match filter {
            ActiveFilter::Query(q) => q.trim().to_owned(),
            ActiveFilter::Value {
                facet,
                key,
                include,
            } => {
                let label = value_label(catalog, *facet, key);
                if *include {
                    label
                } else {
                    format!("not {label}")
                }
            }
            other => lowercase_first(&filter_label(catalog, other)),
        })
        .collect()
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// The Atom feed's title for a view named by [`view_words`].
///
/// ```
/// use broadsheet_core::export::feed_title;
/// let words = ["world cup".to_owned(), "AI".to_owned(), "not Sports".to_owned()];
/// assert_eq!(feed_title(&words), "Broadsheet: world cup, AI, not Sports");
/// assert_eq!(feed_title(&[]), "Broadsheet: all articles");
/// ```
#[must_use]
pub fn feed_title(words: &[String]) -> String {
    if words.is_empty() {
        "Broadsheet: all articles".to_owned()
    } else {
        format!("Broadsheet: {}", words.join(", "))
    }
}

/// A file name for an export of a view named by [`view_words`]: `broadsheet`, the words in
/// lowercase letters and digits joined by dashes (safe on every file system, at most 80
/// characters of them), then the extension.
///
/// ```
/// use broadsheet_core::export::file_name;
/// assert_eq!(file_name(&["world cup".to_owned()], "csv"), "broadsheet-world-cup.csv");
/// assert_eq!(file_name(&[], "json"), "broadsheet-all.json");
/// ```
#[must_use]
pub fn file_name(words: &[String], extension: &str) -> String {
    let mut slug = String::new();
    for c in words.join(" ").chars() {
        if slug.chars().count() >= 80 {
            break;
        }
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "all" } else { slug };
    format!("broadsheet-{slug}.{extension}")
}

fn score(s: Option<Score>) -> String {
    s.map(|s| s.to_string()).unwrap_or_default()
}

fn url_text(url: Option<&crate::url::HttpUrl>) -> &str {
    url.and_then(|u| safe_href(u.as_str())).unwrap_or_default()
}

/// One CSV cell: quoted when needed; a leading `=`, `+`, `-`, `@`, tab or carriage return gets a
/// `'` so spreadsheets show it as text instead of running it as a formula.
fn csv_cell(value: &str, out: &mut String) {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// The articles as CSV (RFC 4180, CRLF line ends, a header row). Lists are joined: topics with
/// `; `, image and related URLs with spaces.
#[must_use]
pub fn csv<'a>(articles: impl IntoIterator<Item = &'a Article>) -> String {
    let mut out = String::new();
    for (i, column) in CSV_COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(column);
    }
    out.push_str("\r\n");
    for a in articles {
        let images: Vec<&str> = a
            .images
            .iter()
            .filter_map(|i| safe_href(i.url.as_str()))
            .collect();
        let related: Vec<&str> = a
            .related
            .iter()
            .filter_map(|r| safe_href(r.web_url.as_str()))
            .collect();
        let cells = [
            a.id.to_string(),
            a.title.clone(),
            a.excerpt.clone(),
            a.published_at.to_string(),
            url_text(Some(&a.web_url)).to_owned(),
            url_text(a.original_url.as_ref()).to_owned(),
            url_text(a.amp_web_url.as_ref()).to_owned(),
            url_text(a.cdn_amp_web_url.as_ref()).to_owned(),
            a.category.clone().unwrap_or_default(),
            a.kind.clone().unwrap_or_default(),
            score(a.heat),
            score(a.quality),
            (!a.draft).to_string(),
            a.provider.name.clone(),
            a.provider.domain.clone().unwrap_or_default(),
            a.topics.join("; "),
            images.join(" "),
            related.join(" "),
            a.body.clone(),
        ];
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_cell(cell, &mut out);
        }
        out.push_str("\r\n");
    }
    out
}

/// A JSON writer just big enough for the export, so the wasm app carries no JSON library.
struct Json {
    out: String,
    first: Vec<bool>,
}

impl Json {
    fn new() -> Self {
        Self {
            out: String::new(),
            first: Vec::new(),
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                // `<` escaped too, so the text is also safe inside an HTML <script> block.
                c if c.is_control() || c == '<' || c == '\u{2028}' || c == '\u{2029}' => {
                    write!(self.out, "\\u{:04x}", u32::from(c))
                        .expect("writing to a String cannot fail");
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn comma(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if *first {
                *first = false;
            } else {
                self.out.push(',');
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first.push(true);
    }

    fn close(&mut self, bracket: char) {
        self.first.pop();
        self.out.push(bracket);
    }

    fn key(&mut self, key: &str) {
        self.comma();
        self.string(key);
        self.out.push(':');
    }

    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn opt_text(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.text(key, v);
        }
    }

    fn raw(&mut self, key: &str, value: &str) {
        self.key(key);
        self.out.push_str(value);
    }

    fn score(&mut self, key: &str, value: Option<Score>) {
        if let Some(v) = value {
            self.raw(key, &v.to_string());
        }
    }

    fn images(&mut self, key: &str, images: &[Image]) {
        if images.is_empty() {
            return;
        }
        self.key(key);
        self.open('[');
        for image in images {
            self.comma();
            self.open('{');
            self.opt_text("url", safe_href(image.url.as_str()));
            if let Some(w) = image.width {
                self.raw("width", &w.to_string());
            }
            if let Some(h) = image.height {
                self.raw("height", &h.to_string());
            }
            self.raw("isCached", if image.is_cached { "true" } else { "false" });
            self.opt_text("title", image.title.as_deref());
            self.close('}');
        }
        self.close(']');
    }

    fn provider(&mut self, provider: &Provider) {
        self.key("provider");
        self.open('{');
        self.text("name", &provider.name);
        self.opt_text("domain", provider.domain.as_deref());
        self.images("images", &provider.images);
        self.close('}');
    }

    fn date(&mut self, key: &str, t: Option<Timestamp>) {
        if let Some(t) = t {
            self.text(key, &t.to_string());
        }
    }

    fn related(&mut self, r: &Related) {
        self.open('{');
        self.text("title", &r.title);
        if !r.excerpt.is_empty() {
            self.text("excerpt", &r.excerpt);
        }
        self.date("publishedDateTime", r.published_at);
        self.opt_text("webUrl", safe_href(r.web_url.as_str()));
        self.opt_text(
            "ampWebUrl",
            r.amp_web_url.as_ref().and_then(|u| safe_href(u.as_str())),
        );
        self.opt_text(
            "cdnAmpWebUrl",
            r.cdn_amp_web_url
                .as_ref()
                .and_then(|u| safe_href(u.as_str())),
        );
        self.opt_text("type", r.kind.as_deref());
        if let Some(p) = &r.provider {
            self.provider(p);
        }
        self.score("quality", r.quality);
        self.images("images", &r.images);
        self.close('}');
    }

    fn article(&mut self, a: &Article) {
        self.open('{');
        self.text("id", a.id.as_str());
        self.opt_text("category", a.category.as_deref());
        self.text("title", &a.title);
        self.text("excerpt", &a.excerpt);
        self.date("publishedDateTime", Some(a.published_at));
        self.opt_text("webUrl", safe_href(a.web_url.as_str()));
        self.opt_text(
            "originalUrl",
            a.original_url.as_ref().and_then(|u| safe_href(u.as_str())),
        );
        self.opt_text(
            "ampWebUrl",
            a.amp_web_url.as_ref().and_then(|u| safe_href(u.as_str())),
        );
        self.opt_text(
            "cdnAmpWebUrl",
            a.cdn_amp_web_url
                .as_ref()
                .and_then(|u| safe_href(u.as_str())),
        );
        self.opt_text("type", a.kind.as_deref());
        self.score("quality", a.quality);
        self.score("heat", a.heat);
        self.raw("published", if a.draft { "false" } else { "true" });
        self.provider(&a.provider);
        self.key("topics");
        self.open('[');
        for t in &a.topics {
            self.comma();
            self.string(t);
        }
        self.close(']');
        self.images("images", &a.images);
        self.key("related");
        self.open('[');
        for r in &a.related {
            self.comma();
            self.related(r);
        }
        self.close(']');
        if !a.body.is_empty() {
            self.text("body", &a.body);
        }
        self.close('}');
    }
}

/// The articles as a JSON array of objects with the article format's field names; unknown
/// heat or quality are left out, as in the files.
#[must_use]
pub fn json<'a>(articles: impl IntoIterator<Item = &'a Article>) -> String {
    let mut w = Json::new();
    w.open('[');
    for a in articles {
        w.comma();
        w.out.push('\n');
        w.article(a);
    }
    w.out.push('\n');
    w.close(']');
    w.out.push('\n');
    w.out
}

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even escaped.
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// The articles as an Atom feed. `title` names the view; `self_link` is the view's address (an
/// http/https URL, or empty when unknown); `updated` is the newest article's date (or the epoch
/// for an empty list), so the same view always gives the same bytes.
#[must_use]
pub fn atom<'a>(
    articles: impl IntoIterator<Item = &'a Article> + Clone,
    title: &str,
    self_link: &str,
) -> String {
    let updated = articles
        .clone()
        .into_iter()
        .map(|a| a.published_at)
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |t| t.to_string());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    writeln!(out, "  <title>{}</title>", xml(title)).expect("writing to a String cannot fail");
    let id = safe_href(self_link).unwrap_or("urn:broadsheet:export");
    writeln!(out, "  <id>{}</id>", xml(id)).expect("writing to a String cannot fail");
    if let Some(link) = safe_href(self_link) {
        writeln!(out, "  <link rel=\"self\" href=\"{}\"/>", xml(link))
            .expect("writing to a String cannot fail");
    }
    writeln!(out, "  <updated>{updated}</updated>").expect("writing to a String cannot fail");
    out.push_str("  <generator>Broadsheet</generator>\n");
    for a in articles {
        let link = safe_href(a.web_url.as_str()).unwrap_or_default();
        out.push_str("  <entry>\n");
        writeln!(
            out,
            "    <id>{}</id>",
            xml(if link.is_empty() { a.id.as_str() } else { link })
        )
        .expect("writing to a String cannot fail");
        writeln!(out, "    <title>{}</title>", xml(&a.title))
            .expect("writing to a String cannot fail");
        if !link.is_empty() {
            writeln!(out, "    <link href=\"{}\"/>", xml(link))
                .expect("writing to a String cannot fail");
        }
        writeln!(out, "    <updated>{}</updated>", a.published_at)
            .expect("writing to a String cannot fail");
        writeln!(out, "    <published>{}</published>", a.published_at)
            .expect("writing to a String cannot fail");
        writeln!(
            out,
            "    <author><name>{}</name></author>",
            xml(&a.provider.name)
        )
        .expect("writing to a String cannot fail");
        for t in &a.topics {
            writeln!(out, "    <category term=\"{}\"/>", xml(t))
                .expect("writing to a String cannot fail");
        }
        if !a.excerpt.is_empty() {
            writeln!(out, "    <summary>{}</summary>", xml(&a.excerpt))
                .expect("writing to a String cannot fail");
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;

    fn hostile() -> Vec<Article> {
        let mut a = article("a", Some(50.0), 1_659_507_780);
        a.title = "Quotes \"and\", commas, <script>alert(1)</script> & more".into();
        a.excerpt = "=HYPERLINK(\"http://evil.example\")\nline two".into();
        a.topics = vec!["AI".into(), "Q&A".into()];
        a.provider.name = "Signal & Static".into();
        a.body = "tab\there\u{2028}sep".into();
        let b = article("b", None, 1_600_000_000);
        vec![a, b]
    }

    #[test]
    fn csv_quotes_and_guards_formulas() {
        let text = csv(&hostile());
        let mut lines = text.split("\r\n");
        assert_eq!(lines.next(), Some(CSV_COLUMNS.join(",").as_str()));
        assert!(text.contains("\"Quotes \"\"and\"\", commas, <script>alert(1)</script> & more\""));
        assert!(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\nline two\""));
        assert!(text.contains(",AI; Q&A,"));
    }

    #[test]
    fn json_escapes_everything_that_matters() {
        let text = json(&hostile());
        assert!(text.contains(
            r#""title":"Quotes \"and\", commas, \u003cscript>alert(1)\u003c/script> & more""#
        ));
        assert!(text.contains(r#""body":"tab\there\u2028sep""#));
        assert!(text.contains(r#""heat":50"#));
        assert!(!text.contains(r#""heat":null"#));
        assert!(text.contains(r#""published":true"#));
    }

    #[test]
    fn atom_escapes_markup() {
        let text = atom(&hostile(), "Topic <AI>", "https://example.com/#/?topic=ai");
        assert!(text.contains("<title>Topic &lt;AI&gt;</title>"));
        assert!(text.contains("<title>Quotes &quot;and&quot;, commas, &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</title>"));
        assert!(text.contains("<updated>2022-08-03T06:23:00Z</updated>"));
        assert!(text.contains("<author><name>Signal &amp; Static</name></author>"));
        assert!(!atom(&hostile(), "x", "javascript:alert(1)").contains("javascript"));
    }

    #[test]
    fn exports_parse_back_with_exactly_the_listed_articles() {
        let list = hostile();
        let text = csv(&list);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<::csv::StringRecord> =
            reader.records().map(|r| r.expect("valid CSV")).collect();
        assert_eq!(rows.len(), list.len());
        for (row, a) in rows.iter().zip(&list) {
            assert_eq!(&row[0], a.id.as_str());
            assert_eq!(&row[1], a.title);
            assert_eq!(&row[3], a.published_at.to_string());
            assert_eq!(&row[4], a.web_url.as_str());
        }
        assert_eq!(
            &rows[0][2],
            "'=HYPERLINK(\"http://evil.example\")\nline two"
        );

        let parsed: serde_json::Value = serde_json::from_str(&json(&list)).expect("valid JSON");
        let items = parsed.as_array().expect("an array");
        assert_eq!(items.len(), list.len());
        for (item, a) in items.iter().zip(&list) {
            assert_eq!(item["id"], a.id.as_str());
            assert_eq!(item["title"], a.title.as_str());
            assert_eq!(item["body"].as_str().unwrap_or_default(), a.body);
            assert_eq!(item["provider"]["name"], a.provider.name.as_str());
        }

        let feed = atom(&list, "All", "");
        let doc = roxmltree::Document::parse(&feed).expect("valid XML");
        let entries: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(entries.len(), list.len());
        for (entry, a) in entries.iter().zip(&list) {
            let title = entry
                .children()
                .find(|n| n.has_tag_name("title"))
                .and_then(|n| n.text());
            assert_eq!(title, Some(a.title.as_str()));
        }
    }

    #[test]
    fn file_names_are_safe() {
        let words = |list: &[&str]| list.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            file_name(&words(&["\"Café\" /../", "x"]), "atom"),
            "broadsheet-café-x.atom"
        );
        assert_eq!(
            file_name(&words(&["world cup", "AI", "not Sports"]), "csv"),
            "broadsheet-world-cup-ai-not-sports.csv"
        );
        assert!(file_name(&words(&[&"a".repeat(500)]), "csv").len() < 100);
    }

    #[test]
    fn a_view_is_named_in_words() {
        use crate::bundle::Bundle;
        use crate::facet::Facet;
        use crate::view::{Action, Bounds};
        let mut a = article("a", None, 0);
        a.topics = vec!["AI".into(), "Sports".into()];
        let b = Bundle::new(vec![a]);
        let s = ViewState::default()
            .apply(Action::SetQuery("world cup".into()))
            .apply(Action::Include(Facet::Topic, "ai".into(), true))
            .apply(Action::Exclude(Facet::Topic, "sports".into(), true))
            .apply(Action::SetHeat(Bounds::new(Some(50.0), None)));
        let words = view_words(b.catalog(), &s);
        assert_eq!(words, ["world cup", "AI", "not Sports", "heat at least 50"]);
        assert_eq!(
            feed_title(&words),
            "Broadsheet: world cup, AI, not Sports, heat at least 50"
        );
    }
}
