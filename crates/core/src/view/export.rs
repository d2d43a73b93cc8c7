//! Downloads of a result list: CSV, JSON and an Atom feed, written from the bundled articles
//! with the field names of the article format. Pure text generation; the app turns the text
//! into a file.
//!
//! A download is data, not display: scores keep every digit the source gave (`12.34`, not the
//! page's `12.3`), dates are full RFC 3339. Text is escaped for each format (CSV quoting plus a
//! guard against spreadsheet formulas, JSON by [`crate::text::json`], XML entities and only the characters
//! XML allows), so no article text can break out of its field.

use crate::index::catalog::Catalog;
use crate::model::article::{Article, Image, Provider, Related, Score};
use crate::text::escape::xml;
use crate::text::json::write_string;
use crate::text::url::safe_href;
use crate::view::display::{filter_label, value_label};
use crate::view::state::{ActiveFilter, ViewState};
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
/// use broadsheet_core::view::export::feed_title;
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
/// use broadsheet_core::view::export::file_name;
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

/// A score as the source gave it: the shortest decimal that reads back as the stored number
/// (`12.34`, `0.04`, `60`).
fn score(s: Option<Score>) -> String {
    s.map(|s| f64::from(s).to_string()).unwrap_or_default()
}

fn url_text(url: Option<&crate::text::url::HttpUrl>) -> &str {
    url.and_then(|u| safe_href(u.as_str())).unwrap_or_default()
}

/// Characters that make a spreadsheet cell a formula when they start it (tab and carriage
/// return can hide one behind them).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV cell, always quoted. Whatever a spreadsheet could take for the start of a cell gets a
/// `'` before a formula character, so it is shown as text instead of run: the field's start,
/// and the start of every piece after a `;`, because spreadsheets in locales with a decimal
/// comma (Excel in German, French or Dutch; LibreOffice when told) split CSV at `;`.
fn csv_cell(value: &str, out: &mut String) {
    out.push('"');
    for (i, piece) in value.split(';').enumerate() {
        if i > 0 {
            out.push(';');
        }
        // Leading spaces are no guard: importers that trim them would still see the formula.
        let text = piece.trim_start_matches(' ');
        out.push_str(&piece[..piece.len() - text.len()]);
        if text.starts_with(FORMULA_START) {
            out.push('\'');
        }
        out.push_str(&text.replace('"', "\"\""));
    }
    out.push('"');
}

/// The articles as CSV (RFC 4180, CRLF line ends, a header row, every field quoted). Lists are
/// joined: topics with `; `, image and related URLs with spaces.
#[must_use]
pub fn csv<'a>(articles: impl IntoIterator<Item = &'a Article>) -> String {
    let mut out = String::new();
    for (i, column) in CSV_COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_cell(column, &mut out);
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
            a.body.text().to_owned(),
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

/// A score in JSON as the source gave it: whole numbers without a fraction (`60`, not `60.0`),
/// the rest as the shortest decimal that reads back as the stored number, laid out as
/// serde_json lays it out (`0.04`, `1e-6`).
fn write_score(out: &mut String, score: Score) {
    let value = f64::from(score);
    if value.fract() == 0.0 {
        // Scores are at most a million, so a whole one is exactly an i64.
        out.push_str(&(value as i64).to_string());
        return;
    }
    // Display writes the shortest digits that read back, without an exponent (`0.000001`);
    // a score is not negative, and this one has a fraction, so it has a point.
    let plain = value.to_string();
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let all = format!("{whole}{fraction}");
    let digits = all.trim_start_matches('0');
    // Where the decimal point falls among the significant digits.
    let point = i64::try_from(whole.len()).expect("a length fits i64")
        - i64::try_from(all.len() - digits.len()).expect("a length fits i64");
    if point > 0 {
        let at = usize::try_from(point).expect("positive");
        out.push_str(&digits[..at]);
        out.push('.');
        out.push_str(&digits[at..]);
    } else if point > -5 {
        out.push_str("0.");
        out.push_str(&"0".repeat(usize::try_from(-point).expect("not negative")));
        out.push_str(digits);
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push_str(&(point - 1).to_string());
    }
}

/// A URL the page would link to, or nothing.
fn href(url: Option<&crate::text::url::HttpUrl>) -> Option<&str> {
    url.and_then(|u| safe_href(u.as_str()))
}

/// A JSON object being written: members in order, each after a comma but the first.
struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    fn open(out: &'a mut String) -> Self {
        out.push('{');
        Self { out, first: true }
    }

    /// Starts member `key`; its value is written next.
    fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_string(self.out, key);
        self.out.push(':');
        self.out
    }

    fn text(&mut self, key: &str, value: &str) {
        write_string(self.key(key), value);
    }

    /// A text member left out when there is none.
    fn some_text(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(key, value);
        }
    }

    /// A text member left out when empty.
    fn full_text(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.text(key, value);
        }
    }

    fn number(&mut self, key: &str, value: Option<u32>) {
        if let Some(value) = value {
            self.key(key).push_str(&value.to_string());
        }
    }

    fn flag(&mut self, key: &str, value: bool) {
        self.key(key).push_str(if value { "true" } else { "false" });
    }

    fn score(&mut self, key: &str, value: Option<Score>) {
        if let Some(value) = value {
            write_score(self.key(key), value);
        }
    }

    /// A list member, left out when empty unless `always`.
    fn list<T>(&mut self, key: &str, items: &[T], always: bool, write: impl Fn(&mut String, &T)) {
        if items.is_empty() && !always {
            return;
        }
        let out = self.key(key);
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write(out, item);
        }
        out.push(']');
    }

    fn close(self) {
        self.out.push('}');
    }
}

fn write_image(out: &mut String, image: &Image) {
    let mut o = Object::open(out);
    o.some_text("url", safe_href(image.url.as_str()));
    o.number("width", image.width);
    o.number("height", image.height);
    o.flag("isCached", image.is_cached);
    o.some_text("title", image.title.as_deref());
    o.close();
}

fn write_provider(out: &mut String, provider: &Provider) {
    let mut o = Object::open(out);
    o.text("name", &provider.name);
    o.some_text("domain", provider.domain.as_deref());
    o.list("images", &provider.images, false, write_image);
    o.close();
}

fn write_related(out: &mut String, r: &Related) {
    let mut o = Object::open(out);
    o.text("title", &r.title);
    o.full_text("excerpt", &r.excerpt);
    o.some_text(
        "publishedDateTime",
        r.published_at.map(|t| t.to_string()).as_deref(),
    );
    o.some_text("webUrl", href(Some(&r.web_url)));
    o.some_text("ampWebUrl", href(r.amp_web_url.as_ref()));
    o.some_text("cdnAmpWebUrl", href(r.cdn_amp_web_url.as_ref()));
    o.some_text("type", r.kind.as_deref());
    if let Some(provider) = &r.provider {
        write_provider(o.key("provider"), provider);
    }
    o.score("quality", r.quality);
    o.list("images", &r.images, false, write_image);
    o.close();
}

/// One article in the JSON export: the article format's field names, in its order; absent
/// optional fields (unknown heat or quality among them) are left out, as in the files.
fn write_article(out: &mut String, a: &Article) {
    let mut o = Object::open(out);
    o.text("id", a.id.as_str());
    o.some_text("category", a.category.as_deref());
    o.text("title", &a.title);
    o.text("excerpt", &a.excerpt);
    o.text("publishedDateTime", &a.published_at.to_string());
    o.some_text("webUrl", href(Some(&a.web_url)));
    o.some_text("originalUrl", href(a.original_url.as_ref()));
    o.some_text("ampWebUrl", href(a.amp_web_url.as_ref()));
    o.some_text("cdnAmpWebUrl", href(a.cdn_amp_web_url.as_ref()));
    o.some_text("type", a.kind.as_deref());
    o.score("quality", a.quality);
    o.score("heat", a.heat);
    o.flag("published", !a.draft);
    write_provider(o.key("provider"), &a.provider);
    o.list("topics", &a.topics, true, |out, t| write_string(out, t));
    o.list("images", &a.images, false, write_image);
    o.list("related", &a.related, true, write_related);
    o.full_text("body", a.body.text());
    o.close();
}

/// The articles as a JSON array of objects with the article format's field names, one article
/// per line; unknown heat or quality are left out, as in the files. Strings escape `<`, U+2028
/// and U+2029 too (see [`write_string`]).
#[must_use]
pub fn json<'a>(articles: impl IntoIterator<Item = &'a Article>) -> String {
    let mut out = String::from("[");
    for (i, a) in articles.into_iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        write_article(&mut out, a);
    }
    out.push_str("\n]\n");
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
        a.body = crate::model::body::Body::from_plain_text("tab\there\u{2028}sep");
        let b = article("b", None, 1_600_000_000);
        vec![a, b]
    }

    #[test]
    fn csv_quotes_and_guards_formulas() {
        let text = csv(&hostile());
        let mut lines = text.split("\r\n");
        let header = format!("\"{}\"", CSV_COLUMNS.join("\",\""));
        assert_eq!(lines.next(), Some(header.as_str()));
        assert!(text.contains("\"Quotes \"\"and\"\", commas, <script>alert(1)</script> & more\""));
        assert!(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\nline two\""));
        assert!(text.contains(",\"AI; Q&A\","));
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
            assert_eq!(item["body"].as_str().unwrap_or_default(), a.body.text());
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

    /// Cells starting like these would be formulas.
    fn starts_a_formula(cell: &str) -> bool {
        cell.trim_start_matches([' ', '"'])
            .starts_with(FORMULA_START)
    }

    #[test]
    fn csv_guards_formulas_for_comma_and_semicolon_spreadsheets() {
        let mut a = article("report;=4+4;x", Some(1.0), 1_600_000_000);
        a.title = "Markets;=1+1;x".into();
        a.excerpt = "Acme;+3+3;x".into();
        a.category = Some(" =SUM(A1:A9)".into());
        a.kind = Some("a;  -2+3;@x;\t=1".into());
        a.provider.name = "\"q\";=1+1".into();
        a.topics = vec!["AI".into(), "=cmd|' /C calc'!A0".into()];
        let text = csv(&[a]);
        assert!(text.contains("\"report;'=4+4;x\""));
        assert!(text.contains("\"Markets;'=1+1;x\""));
        assert!(text.contains("\"Acme;'+3+3;x\""));
        assert!(text.contains("\" '=SUM(A1:A9)\""));
        assert!(text.contains("\"a;  '-2+3;'@x;'\t=1\""));
        // Read as a comma or a semicolon locale would, with and without honouring quotes.
        for (delimiter, quoting) in [(b',', true), (b';', true), (b';', false)] {
            let mut reader = ::csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .quoting(quoting)
                .from_reader(text.as_bytes());
            let mut cells = 0;
            for record in reader.records() {
                for cell in &record.expect("readable CSV") {
                    cells += 1;
                    assert!(
                        !starts_a_formula(cell),
                        "{:?} quoting {quoting}: {cell:?}",
                        char::from(delimiter)
                    );
                }
            }
            if delimiter == b',' {
                assert_eq!(cells, 2 * CSV_COLUMNS.len());
            } else {
                assert!(cells > 2, "read {cells} cells");
            }
        }
        // Read with commas and quotes, every value comes back with only the guards added.
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().expect("a row").expect("valid CSV");
        assert_eq!(&row[0], "report;'=4+4;x");
        assert_eq!(&row[13], "\"q\";'=1+1");
    }

    fn scored(id: &str, heat: f64, quality: f64) -> Article {
        let mut a = article(id, Some(heat), 1_600_000_000);
        a.quality = Some(Score::new(quality).expect("test score"));
        a
    }

    #[test]
    fn exports_keep_scores_as_the_source_gave_them() {
        let list = [
            scored("a", 12.34, 0.04),
            scored("b", 7.125, 99.99),
            scored("c", 60.0, 0.0),
            scored("d", 1_000_000.0, 0.000_001),
        ];
        let written = [
            ("12.34", "0.04"),
            ("7.125", "99.99"),
            ("60", "0"),
            ("1000000", "0.000001"),
        ];
        let text = csv(&list);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let heat = CSV_COLUMNS.iter().position(|c| *c == "heat").expect("heat");
        let quality = CSV_COLUMNS
            .iter()
            .position(|c| *c == "quality")
            .expect("quality");
        for ((row, a), (h, q)) in reader.records().zip(&list).zip(written) {
            let row = row.expect("valid CSV");
            assert_eq!((&row[heat], &row[quality]), (h, q));
            assert_eq!(row[heat].parse::<f64>().ok(), a.heat.map(f64::from));
            assert_eq!(row[quality].parse::<f64>().ok(), a.quality.map(f64::from));
        }
        let text = json(&list);
        // serde_json writes the shortest form that reads back: an exponent for tiny numbers.
        let written = [
            ("12.34", "0.04"),
            ("7.125", "99.99"),
            ("60", "0"),
            ("1000000", "1e-6"),
        ];
        for (h, q) in written {
            assert!(
                text.contains(&format!("\"quality\":{q},\"heat\":{h},")),
                "{text}"
            );
        }
        let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        for (item, a) in parsed.as_array().expect("an array").iter().zip(&list) {
            assert_eq!(item["heat"].as_f64(), a.heat.map(f64::from));
            assert_eq!(item["quality"].as_f64(), a.quality.map(f64::from));
            assert_eq!(item["publishedDateTime"], "2020-09-13T12:26:40Z");
        }
    }

    #[test]
    fn scores_are_written_as_serde_json_writes_numbers() {
        let values = [
            0.04,
            12.34,
            7.125,
            99.99,
            0.5,
            0.1,
            0.000_001,
            0.000_012_5,
            0.000_1,
            0.001_5,
            123_456.789,
            999_999.999_999,
            1.0 / 3.0,
            2.0 / 3.0,
            1e-300,
            5e-324,
            0.3,
            60.5,
        ];
        for value in values {
            let mut ours = String::new();
            write_score(&mut ours, Score::new(value).expect("test score"));
            let theirs = serde_json::to_string(&value).expect("a number");
            assert_eq!(ours, theirs, "{value}");
        }
        for whole in [0.0, 60.0, 1_000_000.0] {
            let mut ours = String::new();
            write_score(&mut ours, Score::new(whole).expect("test score"));
            assert_eq!(ours, format!("{}", whole as i64));
        }
    }

    #[test]
    fn every_export_parses_back_with_characters_xml_forbids() {
        let mut a = article("a", Some(1.5), 1_600_000_000);
        a.title = "non\u{FFFE}characters\u{FFFF} &#xFFFE; \u{1}\u{1b}[1A\u{7f}\u{85}".into();
        a.excerpt = "carriage\rreturn\u{2028}and <tags>".into();
        a.topics = vec!["\u{FFFE}".into(), "&#xFFFF;".into()];
        a.provider.name = "\u{0}nul".into();
        let list = [a];
        let feed = atom(&list, "view \u{FFFF}", "https://example.com/#/?q=%EF%BF%BE");
        let doc = roxmltree::Document::parse(&feed).expect("well-formed XML");
        let text = |name: &str| {
            doc.descendants()
                .find(|n| n.has_tag_name(name) && n.ancestors().any(|p| p.has_tag_name("entry")))
                .and_then(|n| n.text())
                .map(str::to_owned)
        };
        assert_eq!(text("title").as_deref(), Some("noncharacters &#xFFFE; [1A"));
        assert_eq!(
            text("summary").as_deref(),
            Some("carriage\rreturn\u{2028}and <tags>")
        );
        let terms: Vec<_> = doc
            .descendants()
            .filter_map(|n| n.attribute("term"))
            .collect();
        assert_eq!(terms, ["", "&#xFFFF;"]);

        let parsed: serde_json::Value = serde_json::from_str(&json(&list)).expect("valid JSON");
        assert_eq!(parsed[0]["title"], list[0].title.as_str());
        assert_eq!(parsed[0]["excerpt"], list[0].excerpt.as_str());
        let text = csv(&list);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().expect("a row").expect("valid CSV");
        assert_eq!(&row[1], list[0].title);
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
        use crate::data::bundle::Bundle;
        use crate::index::facet::Facet;
        use crate::view::state::{Action, Bounds};
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
