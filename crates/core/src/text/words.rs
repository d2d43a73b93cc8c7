//! Words as search sees them: text is lowercased and folded (diacritics removed, `ß` → `ss`),
//! then split into maximal runs of letters and digits.
//!
//! Folding covers Latin-1, Latin Extended-A and combining marks by a small table rather than a
//! Unicode normalisation crate, which would add its tables to the wasm download; other scripts
//! are lowercased and otherwise kept as they are.

/// Latin Extended-A (U+0100–U+017F) folded to ASCII, one byte per code point; `?` marks the two
/// ligatures that fold to two letters (Ĳ ĳ → ij, Œ œ → oe).
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends the folded, lowercased form of `c` to `out`.
pub fn fold_char_into(c: char, out: &mut String) {
    let folded: &str = match c {
        'À'..='Å' | 'à'..='å' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' => "c",
        'È'..='Ë' | 'è'..='ë' => "e",
        'Ì'..='Ï' | 'ì'..='ï' => "i",
        'Ð' | 'ð' => "d",
        'Ñ' | 'ñ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => "o",
        'Ù'..='Ü' | 'ù'..='ü' => "u",
        'Ý' | 'ý' | 'ÿ' => "y",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        'Ș' | 'ș' => "s",
        'Ț' | 'ț' => "t",
        '\u{0300}'..='\u{036F}' => "",
        '\u{0100}'..='\u{017F}' => {
            let index = c as usize - 0x100;
            out.push(char::from(LATIN_EXTENDED_A[index]));
            return;
        }
        c => {
            // A lowercase form can itself be a letter the table folds (`ẞ` → `ß` → `ss`,
            // the Ångström sign → `å` → `a`): fold it again, so folding twice changes nothing
            // and a key read back from a link equals the key that was written.
            for lower in c.to_lowercase() {
                if lower == c {
                    out.push(lower);
                } else {
                    fold_char_into(lower, out);
                }
            }
            return;
        }
    };
    out.push_str(folded);
}

/// The folded, lowercased form of `text`.
///
/// ```
/// assert_eq!(broadsheet_core::text::words::fold("Café Ångström, Łódź STRASSE Straße"), "cafe angstrom, lodz strasse strasse");
/// ```
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// True for characters that belong to words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of `text`, folded: maximal runs of letters and digits.
///
/// ```
/// let words: Vec<String> = broadsheet_core::text::words::words("Face-recognition: 3D Models!").collect();
/// assert_eq!(words, ["face", "recognition", "3d", "models"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    spans(text).map(|(_, word)| word)
}

/// The words of `text` with their byte ranges in the original (unfolded) text, so a match can
/// be highlighted in the text the reader sees.
pub fn spans(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, String)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if is_word_char(c) && !is_combining(c) {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        let mut word = String::new();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) && !is_combining(c) {
                break;
            }
            fold_char_into(c, &mut word);
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start..end, word))
    })
}

/// Combining marks continue a word (so decomposed "é" stays one word) but cannot start one.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_letters_to_ascii() {
        let cases = [
            ("Crème Brûlée", "creme brulee"),
            ("Œuvre ĳssel Ærø", "oeuvre ijssel aero"),
            ("Dvořák Škoda Żółć", "dvorak skoda zolc"),
            ("Ştefan Țară", "stefan tara"),
            ("Cafe\u{301}", "cafe"),
            ("ΑΘΗΝΑ Москва", "αθηνα москва"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn folding_twice_changes_nothing() {
        for text in [
            "\u{1E9E}",
            "\u{212B}ngstr\u{00F6}m",
            "\u{0130}stanbul",
            "\u{212A}elvin",
            "ΣΑΣ",
        ] {
            let once = fold(text);
            assert_eq!(fold(&once), once, "{text:?}");
        }
        assert_eq!(fold("\u{1E9E}"), "ss");
        assert_eq!(fold("\u{212B}"), "a");
    }

    #[test]
    fn table_covers_latin_extended_a_exactly() {
        assert_eq!(fold("\u{0100}\u{0105}"), "aa");
        assert_eq!(fold("\u{017E}\u{017F}"), "zs");
        assert_eq!(fold("\u{0141}\u{0142}"), "ll");
        assert_eq!(fold("\u{0150}\u{0151}"), "oo");
        assert_eq!(fold("\u{0160}\u{0161}"), "ss");
        assert_eq!(fold("\u{0170}\u{0171}"), "uu");
    }

    #[test]
    fn splits_into_runs_of_letters_and_digits() {
        let got: Vec<_> = words("AI's 2019 re:Invent — naïve café").collect();
        assert_eq!(got, ["ai", "s", "2019", "re", "invent", "naive", "cafe"]);
        assert_eq!(words("  ...  ").count(), 0);
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Ünïcode café!";
        let got: Vec<_> = spans(text).map(|(r, w)| (&text[r], w)).collect();
        assert_eq!(
            got,
            [
                ("Ünïcode", "unicode".to_owned()),
                ("café", "cafe".to_owned())
            ]
        );
    }
}
