//! Old links keep working: every link in `links_v1.txt` (made by URL hash format version 1)
//! must still open the view it opened when that format shipped.

use broadsheet_core::view::route::Route;

const LINKS_V1: &str = include_str!("links_v1.txt");

#[test]
fn version_1_links_open_the_same_views() {
    let mut checked = 0;
    for (number, line) in LINKS_V1.lines().enumerate() {
        let at = number + 1;
        // Links start with `#`, so comments start with `//`.
        if line.trim().is_empty() || line.starts_with("//") {
            continue;
        }
        let (link, noisy, canonical) = if let Some((link, rest)) = line.split_once(" =>! ") {
            (link, true, rest)
        } else if let Some((link, rest)) = line.split_once(" => ") {
            (link, false, rest)
        } else {
            panic!("links_v1.txt:{at}: expected `<link> => <canonical>`, got {line:?}");
        };
        let parsed = Route::parse(link);
        assert_eq!(
            parsed.route.to_hash(),
            canonical,
            "links_v1.txt:{at}: {link}"
        );
        assert_eq!(
            !parsed.notices.is_empty(),
            noisy,
            "links_v1.txt:{at}: {link} notices: {:?}",
            parsed.notices
        );
        let again = Route::parse(canonical);
        assert_eq!(
            again.route, parsed.route,
            "links_v1.txt:{at}: canonical form reads back"
        );
        assert!(
            again.notices.is_empty(),
            "links_v1.txt:{at}: canonical form is clean"
        );
        checked += 1;
    }
    assert!(
        checked >= 30,
        "the fixture should hold at least 30 links, found {checked}"
    );
}
