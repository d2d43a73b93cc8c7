//! The data files' bodies read by hand: a cursor over postcard's wire format (varints, zigzag,
//! length-prefixed strings and lists, option and variant tags), and `Wire`, the one `read`
//! function per stored type.
//!
//! The packer writes the files with serde and postcard at build time; the app reads them with
//! this instead of serde's derived visitors. Each type's `read` checks what its constructor
//! checks (URLs, ids, instants, scores, bodies, the tables' shapes), so a value read here is as
//! validated as one built by ingest. Bad input of any kind is an error, never a panic, and no
//! length is trusted beyond the bytes left to hold it.
//!
//! The first error sticks: the reader records it, gives up the rest of the bytes, and from
//! then on every read answers an empty value (0, "", an empty list, a type's `fallback`), which
//! [`from_bytes`] throws away to return the error. So a `read` is straight-line code, with no
//! early return after each field and no cleanup of the fields read before it: serde's visitors,
//! and a `Result` at every field, cost the wasm several times as much for the same work. A
//! fallback value need not pass its type's check, since no caller ever sees one.

/// Why bytes are not a value of the wanted type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    /// The bytes end inside a value.
    #[error("it ends early")]
    End,
    /// A number runs past the bytes its type allows, or past its type's range.
    #[error("a number is malformed")]
    Number,
    /// A length is larger than the bytes left could hold.
    #[error("a length runs past the end")]
    Length,
    /// A text is not UTF-8.
    #[error("a text is not UTF-8")]
    Utf8,
    /// A yes/no or present/absent flag is neither 0 nor 1.
    #[error("a flag is neither 0 nor 1")]
    Flag,
    /// An enum's variant number is not one of its variants.
    #[error("a variant number is unknown")]
    Variant,
    /// Bytes are left after the value.
    #[error("it has bytes past its end")]
    Trailing,
    /// A value reads but fails its type's check (a URL that is not http(s), a tree too deep…):
    /// what is wrong. A fixed text, so that errors cost no allocation and no formatting code.
    #[error("{0}")]
    Invalid(&'static str),
}

/// A cursor over bytes in postcard's format, with the first error met (see the module docs).
pub struct Reader<'a> {
    bytes: &'a [u8],
    error: Option<WireError>,
}

/// A type stored in the data files, read back from postcard's format.
pub trait Wire: Sized {
    /// Reads one value at the cursor; after an error, any value (see the module docs).
    fn read(r: &mut Reader<'_>) -> Self;
}

/// Reads `bytes` as exactly one `T`.
///
/// # Errors
/// The first thing wrong with the bytes, or [`WireError::Trailing`] when they hold more.
pub fn from_bytes<T: Wire>(bytes: &[u8]) -> Result<T, WireError> {
    let mut r = Reader { bytes, error: None };
    let value = T::read(&mut r);
    match r.error {
        Some(error) => Err(error),
        None if !r.bytes.is_empty() => Err(WireError::Trailing),
        None => Ok(value),
    }
}

impl<'a> Reader<'a> {
    /// Records `error` (unless one came first) and gives up the bytes left.
    #[inline(never)]
    fn fail(&mut self, error: WireError) {
        self.error.get_or_insert(error);
        self.bytes = &[];
    }

    /// Records that a value read but failed its check, and answers `fallback` in its place.
    pub fn invalid<T>(&mut self, what: &'static str, fallback: T) -> T {
        self.fail(WireError::Invalid(what));
        fallback
    }

    /// True once an error has been met: a type whose check is costly skips it then.
    #[must_use]
    pub fn failed(&self) -> bool {
        self.error.is_some()
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> &'a [u8] {
        if let Some((taken, rest)) = self.bytes.split_at_checked(n) {
            self.bytes = rest;
            taken
        } else {
            self.fail(WireError::End);
            &[]
        }
    }

    /// One byte: a `u8`, which postcard writes as it is.
    pub fn byte(&mut self) -> u8 {
        if let Some((&b, rest)) = self.bytes.split_first() {
            self.bytes = rest;
            b
        } else {
            self.fail(WireError::End);
            0
        }
    }

    /// An unsigned varint of a type of `bits` bits: seven bits a byte, least significant first,
    /// the high bit set on every byte but the last. As postcard reads it: at most
    /// `ceil(bits / 7)` bytes, the last holding no bits beyond the type's.
    // Not inlined: one copy serves every integer type.
    #[inline(never)]
    fn varint(&mut self, bits: u32) -> u64 {
        let mut value = 0;
        for i in 0..bits.div_ceil(7) {
            let b = self.byte();
            value |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                let room = bits - 7 * i;
                if room < 7 && u32::from(b) >> room != 0 {
                    break;
                }
                return value;
            }
        }
        self.fail(WireError::Number);
        0
    }

    /// How many items a list holds (postcard writes a `usize` as a 64-bit varint). Every item
    /// takes at least a byte, so a length beyond the bytes left is refused before anything is
    /// allocated for it.
    pub fn length(&mut self) -> usize {
        match usize::try_from(self.varint(64)) {
            Ok(n) if n <= self.bytes.len() => n,
            _ => {
                self.fail(WireError::Length);
                0
            }
        }
    }

    /// A variant number of an enum.
    pub fn variant(&mut self) -> u32 {
        u32::read(self)
    }

    /// Records an unknown variant number, and answers `fallback` in place of the value.
    pub fn unknown_variant<T>(&mut self, fallback: T) -> T {
        self.fail(WireError::Variant);
        fallback
    }

    /// A text, borrowed from the bytes.
    pub fn str(&mut self) -> &'a str {
        let n = self.length();
        std::str::from_utf8(self.take(n)).unwrap_or_else(|_| {
            self.fail(WireError::Utf8);
            ""
        })
    }

    /// A value of any stored type.
    pub fn read<T: Wire>(&mut self) -> T {
        T::read(self)
    }

    /// A list of four-byte little-endian numbers (how the pack stores file hashes: see
    /// `crate::data::pack`), written as a list of `[u8; 4]`.
    pub fn fixed_u32s(&mut self) -> Vec<u32> {
        let n = self.length();
        self.take(n.saturating_mul(4))
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    }
}

impl Wire for u8 {
    fn read(r: &mut Reader<'_>) -> Self {
        r.byte()
    }
}

impl Wire for u32 {
    fn read(r: &mut Reader<'_>) -> Self {
        // `varint(32)` holds at most 32 bits.
        Self::try_from(r.varint(32)).unwrap_or_default()
    }
}

impl Wire for u64 {
    fn read(r: &mut Reader<'_>) -> Self {
        r.varint(64)
    }
}

impl Wire for i64 {
    /// Zigzag: 0, -1, 1, -2, … as 0, 1, 2, 3, …
    fn read(r: &mut Reader<'_>) -> Self {
        let z = r.varint(64);
        // `z >> 1` holds at most 63 bits.
        let magnitude = Self::try_from(z >> 1).unwrap_or_default();
        if z & 1 == 0 {
            magnitude
        } else {
            -magnitude - 1
        }
    }
}

impl Wire for f64 {
    fn read(r: &mut Reader<'_>) -> Self {
        match *r.take(8) {
            [a, b, c, d, e, f, g, h] => Self::from_le_bytes([a, b, c, d, e, f, g, h]),
            _ => 0.0,
        }
    }
}

impl Wire for bool {
    fn read(r: &mut Reader<'_>) -> Self {
        match r.byte() {
            0 => false,
            1 => true,
            _ => {
                r.fail(WireError::Flag);
                false
            }
        }
    }
}

impl Wire for String {
    fn read(r: &mut Reader<'_>) -> Self {
        r.str().to_owned()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn read(r: &mut Reader<'_>) -> Self {
        match r.byte() {
            0 => None,
            1 => Some(T::read(r)),
            _ => {
                r.fail(WireError::Flag);
                None
            }
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn read(r: &mut Reader<'_>) -> Self {
        let n = r.length();
        // A length is checked against the bytes left, but an item may take far more room in
        // memory than on the wire (an article, hundreds of bytes, from a few zeros): room is
        // made up front for at most 1 MiB of items, as serde does, and the rest as they come.
        let most = (1 << 20) / std::mem::size_of::<T>().max(1);
        let mut items = Self::with_capacity(n.min(most));
        // After an error the items would all be empty values: not worth the memory.
        while items.len() < n && !r.failed() {
            items.push(T::read(r));
        }
        items
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn read(r: &mut Reader<'_>) -> Self {
        (A::read(r), B::read(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    /// Postcard's bytes for `value`, and what postcard itself reads back from `bytes`.
    fn both<T>(value: &T) -> (Result<T, WireError>, Vec<u8>)
    where
        T: Wire + Serialize,
    {
        let bytes = postcard::to_allocvec(value).expect("encodes");
        (from_bytes::<T>(&bytes), bytes)
    }

    #[test]
    fn reads_what_postcard_writes_for_every_primitive() {
        for n in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX - 1, u32::MAX] {
            assert_eq!(both(&n).0, Ok(n), "{n}");
        }
        for n in [
            0,
            1,
            127,
            128,
            u64::from(u32::MAX) + 1,
            u64::MAX - 1,
            u64::MAX,
        ] {
            assert_eq!(both(&n).0, Ok(n), "{n}");
        }
        for n in [0, 1, -1, 63, -64, 64, -65, i64::MAX, i64::MIN, i64::MIN + 1] {
            assert_eq!(both(&n).0, Ok(n), "{n}");
        }
        for x in [0.0, -0.0, 1.5, f64::MAX, f64::MIN_POSITIVE, f64::INFINITY] {
            assert_eq!(both(&x).0.map(f64::to_bits), Ok(x.to_bits()), "{x}");
        }
        assert!(both(&f64::NAN).0.is_ok_and(f64::is_nan));
        for b in [0_u8, 1, 0x7f, 0x80, 0xff] {
            assert_eq!(both(&b).0, Ok(b));
        }
        assert_eq!(both(&true).0, Ok(true));
        assert_eq!(both(&false).0, Ok(false));
        for s in ["", "a", "zürich", "\u{10FFFF}", &"x".repeat(300)] {
            assert_eq!(both(&s.to_owned()).0.as_deref(), Ok(s));
        }
        assert_eq!(both(&None::<u32>).0, Ok(None));
        assert_eq!(both(&Some(0_u32)).0, Ok(Some(0)));
        assert_eq!(both(&Some(None::<u64>)).0, Ok(Some(None)));
        assert_eq!(both(&Vec::<u32>::new()).0, Ok(vec![]));
        let nested = vec![
            vec![],
            vec![(String::new(), 1_u32)],
            vec![("b".into(), u32::MAX)],
        ];
        assert_eq!(both(&nested).0, Ok(nested));
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(both(&bytes).0, Ok(bytes));
    }

    #[test]
    fn fixed_width_lists_read_four_bytes_each() {
        let hashes = [0_u32, 1, 0xdead_beef, u32::MAX];
        let stored: Vec<[u8; 4]> = hashes.iter().map(|h| h.to_le_bytes()).collect();
        let bytes = postcard::to_allocvec(&stored).expect("encodes");
        let mut r = Reader {
            bytes: &bytes,
            error: None,
        };
        assert_eq!(r.fixed_u32s(), hashes.to_vec());
        assert!(r.bytes.is_empty() && r.error.is_none());
        let mut cut = Reader {
            bytes: &bytes[..bytes.len() - 1],
            error: None,
        };
        assert!(cut.fixed_u32s().is_empty());
        assert_eq!(cut.error, Some(WireError::End));
    }

    #[test]
    fn refuses_what_postcard_refuses() {
        let cases: [(&[u8], Result<u32, WireError>); 8] = [
            // Six bytes for a u32, and a fifth byte with bits beyond 32.
            (
                &[0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
                Err(WireError::Number),
            ),
            (&[0xff, 0xff, 0xff, 0xff, 0x10], Err(WireError::Number)),
            (&[0xff, 0xff, 0xff, 0xff, 0x0f], Ok(u32::MAX)),
            (&[0x80], Err(WireError::End)),
            (&[], Err(WireError::End)),
            // Overlong zeros are still zero, as postcard reads them.
            (&[0x80, 0x00], Ok(0)),
            (&[0x02], Ok(2)),
            // Postcard ignores bytes after the value; a data file has none.
            (&[0x01, 0x00], Err(WireError::Trailing)),
        ];
        for (bytes, want) in cases {
            let postcard = postcard::from_bytes::<u32>(bytes);
            assert_eq!(from_bytes::<u32>(bytes), want, "{bytes:?}");
            if want != Err(WireError::Trailing) {
                assert_eq!(postcard.ok(), want.ok(), "{bytes:?}");
            }
        }
        let mut eleven = vec![0xff; 9];
        eleven.push(0x02);
        assert_eq!(from_bytes::<u64>(&eleven), Err(WireError::Number));
        assert!(postcard::from_bytes::<u64>(&eleven).is_err());
        eleven[9] = 0x01;
        assert_eq!(from_bytes::<u64>(&eleven), Ok(u64::MAX));
        assert_eq!(from_bytes::<bool>(&[2]), Err(WireError::Flag));
        assert_eq!(from_bytes::<Option<u8>>(&[2, 0]), Err(WireError::Flag));
        assert_eq!(from_bytes::<String>(&[2, 0xc3, 0x28]), Err(WireError::Utf8));
        assert_eq!(from_bytes::<String>(&[3, b'a']), Err(WireError::Length));
        // A list claiming 2^60 items allocates nothing.
        let huge = postcard::to_allocvec(&(1_u64 << 60)).expect("encodes");
        assert_eq!(from_bytes::<Vec<u32>>(&huge), Err(WireError::Length));
        assert_eq!(from_bytes::<Vec<u8>>(&[5, 1, 2]), Err(WireError::Length));
        // A million articles claimed, each read from a zero byte or two: an error at the first,
        // after room for a few thousand at most.
        let mut zeros = postcard::to_allocvec(&1_000_000_u64).expect("encodes");
        zeros.resize(zeros.len() + 1_000_000, 0);
        assert!(from_bytes::<Vec<crate::model::article::Article>>(&zeros).is_err());
        assert_eq!(
            from_bytes::<Vec<u32>>(&[2, 1, 0x80]),
            Err(WireError::End),
            "room for the count but not the last item"
        );
    }
}
