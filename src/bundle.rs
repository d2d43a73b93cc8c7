//! The embedded article bundle: the bytes `build.rs` wrote to `OUT_DIR`, decoded once at
//! start-up, and the cheap handles that pages and components receive as props.

use crate::timing::measure;
use broadsheet_core::bundle::Bundle;
use broadsheet_core::model::Article;
use std::ops::Deref;
use std::rc::Rc;
use yew::AttrValue;

/// `Bundle::encode()` of the articles this build was made from.
const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

/// The name under which the decode time is recorded in the page's Performance timeline, so
/// tests and DevTools can read it without the app logging anything.
const DECODE_MEASURE: &str = "broadsheet:bundle-decode";

/// True when the build embedded the bundled sample articles rather than a reader's own folder.
pub fn is_sample() -> bool {
    option_env!("BROADSHEET_SAMPLE") == Some("1")
}

/// Decodes the embedded bundle, or explains why it cannot be read.
pub fn load() -> Result<SharedBundle, AttrValue> {
    let decoded = measure(DECODE_MEASURE, || Bundle::decode(BYTES));
    decoded.map(|b| SharedBundle(Rc::new(b))).map_err(|e| {
        AttrValue::from(format!(
            "The article bundle embedded in this page could not be read: {e}. \
             Rebuild the site so the page and its articles come from the same build."
        ))
    })
}

/// The decoded bundle, shared. Equality is identity: there is only ever one bundle, and
/// comparing it field by field on every render would be wasted work.
#[derive(Clone, Debug)]
pub struct SharedBundle(Rc<Bundle>);

impl PartialEq for SharedBundle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedBundle {
    type Target = Bundle;
    fn deref(&self) -> &Bundle {
        &self.0
    }
}

impl SharedBundle {
    /// The article with this number (its position in the bundle, as explore answers).
    pub fn nth(&self, number: u32) -> ArticleRef {
        ArticleRef {
            bundle: Rc::clone(&self.0),
            index: number as usize,
        }
    }

    /// The article with this id, if the bundle has one.
    pub fn article(&self, id: &str) -> Option<ArticleRef> {
        self.0.position(id).map(|index| ArticleRef {
            bundle: Rc::clone(&self.0),
            index,
        })
    }
}

/// One article of the shared bundle, as a prop: cloning it copies a pointer, and comparing two
/// compares their positions, not their text.
#[derive(Clone, Debug)]
pub struct ArticleRef {
    bundle: Rc<Bundle>,
    index: usize,
}

impl PartialEq for ArticleRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle) && self.index == other.index
    }
}

impl ArticleRef {
    /// The article's number: its position in the bundle, and its node in the related graph.
    pub fn number(&self) -> u32 {
        u32::try_from(self.index).expect("the bundle numbers its articles with u32")
    }

    /// The bundle the article is in, for what it knows about the article's neighbours.
    pub fn bundle(&self) -> &Bundle {
        &self.bundle
    }
}

impl Deref for ArticleRef {
    type Target = Article;
    fn deref(&self) -> &Article {
        &self.bundle.articles()[self.index]
    }
}
