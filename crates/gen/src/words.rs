//! The word lists every fictional article is assembled from.
//!
//! Everything here is invented: outlets live on reserved domains (`example.com`, `example.org`,
//! `example.net` and the `.example` top-level domain, RFC 2606), places are made up, and nobody
//! is named. Lists are ordered by intended popularity, because the generator picks from them
//! with a Zipf-like weight on position.

/// A news outlet: display name and the domain its URLs live on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outlet {
    /// Display name, e.g. "The Daily Ledger".
    pub name: &'static str,
    /// Domain without scheme, e.g. `dailyledger.example`.
    pub domain: &'static str,
}

const fn outlet(name: &'static str, domain: &'static str) -> Outlet {
    Outlet { name, domain }
}

/// Outlets that publish generated articles, most popular first.
pub const PROVIDERS: &[Outlet] = &[
    outlet("The Daily Ledger", "dailyledger.example"),
    outlet("Example Times", "times.example.com"),
    outlet("Harbor Herald", "harborherald.example"),
    outlet("The Morning Example", "morning.example.org"),
    outlet("Northgate Gazette", "northgate-gazette.example"),
    outlet("Example News Network", "news.example.net"),
    outlet("The Civic Lantern", "civiclantern.example"),
    outlet("Riverside Courier", "courier.example.org"),
    outlet("Tidewater Tribune", "tidewater.example"),
    outlet("Signal & Static", "signalstatic.example"),
    outlet("The Quarterly Byline", "byline.example.com"),
    outlet("Millbrook Observer", "millbrook-observer.example"),
    outlet("The Open Column", "opencolumn.example"),
    outlet("Lakeshore Dispatch", "dispatch.example.net"),
    outlet("Copperfield Chronicle", "copperfield.example"),
    outlet("Example Weekly", "weekly.example.com"),
    outlet("The Ferry Post", "ferrypost.example"),
    outlet("Hilltop Record", "hilltop.example.org"),
    outlet("Stonebridge Sentinel", "stonebridge.example"),
    outlet("The Lamplighter", "lamplighter.example"),
    outlet("Metro Example", "metro.example.net"),
    outlet("Westwind Wire", "westwind.example"),
    outlet("The Pinecrest Review", "pinecrest.example"),
    outlet("Example Science Desk", "science.example.org"),
    outlet("The Tech Example", "tech.example.com"),
    outlet("Granary Journal", "granary.example"),
    outlet("Bellwether Bulletin", "bellwether.example"),
    outlet("The Saltmarsh Star", "saltmarsh.example"),
    outlet("Quayside Mercury", "quayside.example"),
    outlet("Orchard Valley Voice", "orchardvalley.example"),
    outlet("The Ninth Street Paper", "ninthstreet.example"),
    outlet("Example Business Daily", "business.example.net"),
    outlet("The Weathervane", "weathervane.example"),
    outlet("Kestrelwing Media", "kestrelwing.example"),
    outlet("The Underpass", "underpass.example.org"),
    outlet("Lantern Bay Times", "lanternbay.example"),
    outlet("Example Sports Report", "sports.example.com"),
    outlet("Cobalt Coast Courier", "cobaltcoast.example"),
    outlet("The Almanac Example", "almanac.example.org"),
    outlet("Fernhill Free Press", "fernhill.example"),
];

/// Outlets that only appear as `related:` entries. Their domains differ from every provider's,
/// so an outside story's URL can never equal a generated article's `webUrl`.
pub const OUTSIDE_OUTLETS: &[Outlet] = &[
    outlet("Example Wire Service", "wire.example.net"),
    outlet("Regional Example", "regional.example.org"),
    outlet("The Outside Observer", "observer.example"),
    outlet("Example Broadcast", "tv.example.com"),
    outlet("Coastal Example Radio", "radio.example.net"),
    outlet("The Far Shore", "farshore.example"),
    outlet("Example Digest", "digest.example.org"),
    outlet("Upriver Notes", "upriver.example"),
];

/// A topic and the things stories under it are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic {
    /// The name written in `topics:`.
    pub name: &'static str,
    /// Lower-case noun phrases a story of this topic can be about.
    pub objects: &'static [&'static str],
}

const fn topic(name: &'static str, objects: &'static [&'static str]) -> Topic {
    Topic { name, objects }
}

/// Topics, most popular first. The first twelve are the ones the sample uses.
pub const TOPICS: &[Topic] = &[
    topic(
        "Local Government",
        &[
            "budget plan",
            "parking fine schedule",
            "pothole repair blitz",
            "garbage pickup overhaul",
            "town hall renovation",
        ],
    ),
    topic(
        "Transit",
        &[
            "tram line",
            "night bus network",
            "ferry timetable",
            "protected bike lanes",
            "rail tunnel",
        ],
    ),
    topic(
        "AI",
        &[
            "chatbot pilot",
            "algorithm audit",
            "AI tutoring trial",
            "model registry",
            "automated permit review",
        ],
    ),
    topic(
        "Climate",
        &[
            "flood barrier",
            "heat action plan",
            "tree-planting drive",
            "carbon budget",
            "seawall upgrade",
        ],
    ),
    topic(
        "Housing",
        &[
            "rent cap",
            "affordable housing block",
            "zoning overhaul",
            "tiny-home village",
            "tenant registry",
        ],
    ),
    topic(
        "Energy",
        &[
            "offshore wind farm",
            "solar co-op",
            "grid battery",
            "heat pump rebate",
            "tidal turbine",
        ],
    ),
    topic(
        "Education",
        &[
            "school lunch program",
            "four-day school week",
            "teacher pay deal",
            "coding curriculum",
            "library card drive",
        ],
    ),
    topic(
        "Health",
        &[
            "walk-in clinic",
            "vaccine van",
            "mental health hotline",
            "hospital merger",
            "air quality alert system",
        ],
    ),
    topic(
        "Computer Vision",
        &[
            "traffic camera analytics",
            "wildlife camera network",
            "face-matching ban",
            "crop-scanning drones",
            "parking sensors",
        ],
    ),
    topic(
        "Science",
        &[
            "telescope upgrade",
            "seed bank",
            "research vessel",
            "particle detector",
            "citizen science app",
        ],
    ),
    topic(
        "Markets",
        &[
            "municipal bond sale",
            "pension fund shift",
            "rainy-day fund",
            "small-business loan program",
        ],
    ),
    topic(
        "Sports",
        &[
            "stadium roof",
            "youth league",
            "marathon route",
            "rowing regatta",
        ],
    ),
    topic(
        "Robotics",
        &[
            "delivery robots",
            "robotic lawnmower fleet",
            "warehouse robots",
            "harbor inspection drone",
        ],
    ),
    topic(
        "Cybersecurity",
        &[
            "ransomware response plan",
            "password reset",
            "bug bounty",
            "data breach inquiry",
        ],
    ),
    topic(
        "Space",
        &[
            "satellite launch",
            "meteor watch",
            "rover mock-up",
            "ground station",
        ],
    ),
    topic(
        "Startups",
        &[
            "incubator grants",
            "seed fund",
            "coworking hub",
            "founder visa",
        ],
    ),
    topic(
        "Agriculture",
        &[
            "orchard subsidy",
            "drought relief fund",
            "grain silo",
            "beekeeping permits",
        ],
    ),
    topic(
        "Weather",
        &[
            "storm warning system",
            "snow-clearing budget",
            "rain gauge network",
        ],
    ),
    topic(
        "Arts",
        &["mural program", "public sculpture", "theater renovation"],
    ),
    topic(
        "Film",
        &["film festival lineup", "studio lot", "screen grant"],
    ),
    topic(
        "Music",
        &["concert hall acoustics", "busking permits", "jazz week"],
    ),
    topic("Books", &["book fair", "library extension", "poetry prize"]),
    topic(
        "Food",
        &["street-food market", "school kitchen", "bakery co-op"],
    ),
    topic(
        "Travel",
        &["cruise terminal", "tourist tax", "hostel permits"],
    ),
    topic(
        "Oceans",
        &["kelp restoration", "fishing quotas", "reef survey"],
    ),
    topic(
        "Wildlife",
        &["wolf corridor", "bird sanctuary", "bat bridge"],
    ),
    topic(
        "Courts",
        &["jury reform", "small-claims backlog", "night court"],
    ),
    topic(
        "Elections",
        &["ballot redesign", "early voting sites", "district map"],
    ),
    topic(
        "Labor",
        &[
            "dockworkers' contract",
            "minimum wage review",
            "four-day week trial",
        ],
    ),
    topic(
        "Trade",
        &["tariff review", "port expansion", "export licence scheme"],
    ),
];

/// Invented places. A few contain non-ASCII letters so slugs and search see them.
pub const PLACES: &[&str] = &[
    "Port Alder",
    "Greywater",
    "Lantern Bay",
    "Fernhill",
    "Orchard Valley",
    "Cobalt Coast",
    "Saltmarsh",
    "Hollow Creek",
    "Northgate",
    "Quayside",
    "Tidewater",
    "Kestrel Point",
    "Brindle Heights",
    "Juniper Flats",
    "Marrow Island",
    "Oxbow",
    "Wrenfield",
    "Dunmere",
    "Thistledown",
    "Larkspur Hollow",
    "Ember Ridge",
    "Silverpine",
    "Cinder Bay",
    "Osprey Sound",
    "Sankt Évora",
    "Velmora",
    "Kittering",
    "Ashgrove Vale",
];

/// Bodies that make decisions in stories.
pub const ACTORS: &[&str] = &[
    "city council",
    "transit authority",
    "school board",
    "port commission",
    "health board",
    "water utility",
    "regional assembly",
    "planning committee",
    "university senate",
    "farmers' cooperative",
    "tenants' union",
    "chamber of commerce",
    "library trustees",
    "museum board",
    "energy regulator",
    "weather service",
    "science academy",
    "court of appeal",
    "election commission",
    "harbor pilots' guild",
];

/// A verb in the forms the title and excerpt templates need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    /// Third person present: "approves".
    pub third: &'static str,
    /// Base form: "approve".
    pub base: &'static str,
    /// Past participle: "approved".
    pub past: &'static str,
    /// Matching noun: "approval".
    pub noun: &'static str,
}

const fn verb(
    third: &'static str,
    base: &'static str,
    past: &'static str,
    noun: &'static str,
) -> Verb {
    Verb {
        third,
        base,
        past,
        noun,
    }
}

/// What actors do to objects.
pub const VERBS: &[Verb] = &[
    verb("approves", "approve", "approved", "approval"),
    verb("delays", "delay", "delayed", "delay"),
    verb("rejects", "reject", "rejected", "rejection"),
    verb("unveils", "unveil", "unveiled", "plan"),
    verb("reviews", "review", "reviewed", "review"),
    verb("expands", "expand", "expanded", "expansion"),
    verb("scales back", "scale back", "scaled back", "cutback"),
    verb("funds", "fund", "funded", "funding"),
    verb("pilots", "pilot", "piloted", "pilot"),
    verb("pauses", "pause", "paused", "pause"),
    verb("revives", "revive", "revived", "revival"),
    verb("redesigns", "redesign", "redesigned", "redesign"),
];

/// Why something happened; completes "after …", "citing …", "The move follows …".
pub const REASONS: &[&str] = &[
    "rising costs",
    "a failed safety audit",
    "months of protests",
    "a surprise budget surplus",
    "storm damage last winter",
    "a petition with thousands of signatures",
    "a court ruling",
    "record demand",
    "a consultant's report",
    "a tied vote in the spring",
    "complaints from neighbors",
    "a leaked memo",
];

/// Who has opinions about the plan.
pub const GROUPS: &[&str] = &[
    "residents",
    "shop owners",
    "commuters",
    "parents",
    "students",
    "retirees",
    "local farmers",
    "nurses",
    "cyclists",
    "dock workers",
];

/// How groups describe a decision.
pub const VERDICTS: &[&str] = &[
    "long overdue",
    "rushed",
    "a careful compromise",
    "a costly gamble",
    "the right call",
    "premature",
    "historic",
    "confusing",
];

/// What critics say was overlooked.
pub const CONCERNS: &[&str] = &[
    "rising rents nearby",
    "the cost to small businesses",
    "noise at night",
    "the needs of older residents",
    "flood risk on the east side",
    "maintenance costs after year five",
    "data privacy",
    "the loss of green space",
];

/// Things spokespeople say.
pub const QUOTES: &[&str] = &[
    "We have waited long enough",
    "This is a start, not a finish",
    "Nobody asked the people who live here",
    "The numbers add up this time",
    "We will keep listening",
    "It is a good day for the neighborhood",
    "We expect bumps along the way",
    "The work starts Monday",
];

/// Section headings for Markdown bodies.
pub const HEADINGS: &[&str] = &[
    "What happens next",
    "Background",
    "By the numbers",
    "What people are saying",
    "The timeline",
];

/// Days of the week, for "voted on Tuesday".
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month names, for "set for March 4".
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Small counts spelled out, for "Five questions about …".
pub const COUNT_WORDS: &[&str] = &["Three", "Four", "Five", "Six", "Seven", "Eight"];

/// Common lead-image sizes (width, height).
pub const IMAGE_SIZES: &[(u32, u32)] = &[
    (1200, 630),
    (768, 438),
    (1024, 683),
    (1280, 720),
    (640, 360),
    (1120, 630),
    (800, 800),
    (1600, 900),
];
