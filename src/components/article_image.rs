//! An image from the article data: its URL passes `safe_href`, its box is reserved before it
//! loads (width and height attributes, or the CSS aspect ratio of its class), and a failed load
//! turns into a plain placeholder of the same shape instead of a broken-image icon.
//!
//! The placeholder's shape is set through the CSSOM, not a `style` attribute: the page runs
//! under a Content-Security-Policy without `'unsafe-inline'` styles, which refuses attributes.

use broadsheet_core::model::article::Image;
use broadsheet_core::text::url::safe_href;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`ArticleImage`].
#[derive(Properties, PartialEq)]
pub struct ArticleImageProps {
    /// Where the image is.
    pub src: AttrValue,
    /// Alternative text; empty for decorative images.
    #[prop_or_default]
    pub alt: AttrValue,
    /// Width in pixels, when known.
    #[prop_or_default]
    pub width: Option<u32>,
    /// Height in pixels, when known.
    #[prop_or_default]
    pub height: Option<u32>,
    /// Classes that size the image.
    #[prop_or_default]
    pub class: Classes,
}

impl ArticleImageProps {
    /// The props for a model image, with its title as alternative text.
    pub fn from_image(image: &Image, class: Classes) -> Self {
        Self {
            src: AttrValue::from(image.url.as_str().to_owned()),
            alt: image.title.clone().map(AttrValue::from).unwrap_or_default(),
            width: image.width,
            height: image.height,
            class,
        }
    }
}

/// A lazily loaded `<img>`, or [`super::nothing`] when the URL is not an allowed http(s) URL.
#[component]
pub fn ArticleImage(props: &ArticleImageProps) -> Html {
    // Remembers which URL failed, not just that one did, so a reused component whose `src`
    // changes tries the new image.
    let failed = use_state(|| None::<AttrValue>);
    let is_failed = failed.as_ref() == Some(&props.src);
    let placeholder = use_node_ref();
    {
        let placeholder = placeholder.clone();
        let ratio = props.width.zip(props.height);
        use_effect_with((ratio, is_failed), move |(ratio, _)| {
            if let (Some((w, h)), Some(el)) = (ratio, placeholder.cast::<HtmlElement>()) {
                // The picture's own proportions, for the classes that take them (app.css: a
                // figure does, a card's thumbnail keeps its one shape). A refused property keeps
                // the class's own shape: still a placeholder.
                el.style()
                    .set_property("--ratio", &format!("{w} / {h}"))
                    .ok();
            }
        });
    }
    if safe_href(&props.src).is_none() {
        return super::nothing();
    }
    let onerror = {
        let failed = failed.clone();
        let src = props.src.clone();
        Callback::from(move |_: Event| failed.set(Some(src.clone())))
    };
    if is_failed {
        let described = !props.alt.is_empty();
        return html! {
            <span
                class={classes!(props.class.clone(), "broken")}
                role={described.then_some("img")}
                aria-label={described.then(|| props.alt.clone())}
                aria-hidden={(!described).then_some("true")}
                ref={placeholder}
            />
        };
    }
    html! {
        <img
            class={props.class.clone()}
            src={props.src.clone()}
            alt={props.alt.clone()}
            width={props.width.map(|w| w.to_string())}
            height={props.height.map(|h| h.to_string())}
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            {onerror}
        />
    }
}
