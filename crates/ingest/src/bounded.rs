//! serde_yaml's [`Value`], built from front matter under a budget of values and bytes of text.
//!
//! serde_yaml's parser expands every alias it meets by replaying the anchored value, so a few
//! kilobytes of anchors and aliases can ask for gigabytes. The marking pass ([`crate::locate`])
//! refuses the aliases it sees; this budget is the backstop for any it cannot see (a text two
//! parsers read differently): the parser that expands the aliases counts what it builds, and
//! stops as soon as it has built more than the text holds.
//!
//! The values built are exactly serde_yaml's own (`serde_yaml::from_str::<Value>`), which the
//! tests check.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use serde_yaml::mapping::Entry;
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Mapping, Value};
use std::cell::Cell;
use std::fmt;

/// How much one front matter may build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Values: every scalar, list and mapping, keys included.
    pub values: usize,
    /// Bytes of text in scalars, keys included.
    pub text: usize,
}

/// Why no value was built.
#[derive(Debug)]
pub enum Error {
    /// The YAML does not parse (or holds something serde_yaml refuses).
    Yaml(serde_yaml::Error),
    /// The parser built more than the budget allows.
    OverBudget,
}

/// Parses `yaml` as serde_yaml would, building no more than `budget` allows.
pub fn from_str(yaml: &str, budget: Budget) -> Result<Value, Error> {
    let left = Left {
        values: Cell::new(budget.values),
        text: Cell::new(budget.text),
        exceeded: Cell::new(false),
    };
    let built = ValueSeed(&left).deserialize(serde_yaml::Deserializer::from_str(yaml));
    match built {
        Ok(value) => Ok(value),
        // The budget's own error travels through serde_yaml as a custom error; the flag tells
        // it apart from the parser's.
        Err(_) if left.exceeded.get() => Err(Error::OverBudget),
        Err(err) => Err(Error::Yaml(err)),
    }
}

/// What is left of the budget, shared by every seed of one parse.
struct Left {
    values: Cell<usize>,
    text: Cell<usize>,
    exceeded: Cell<bool>,
}

impl Left {
    /// Spends one value holding `text` bytes.
    fn spend<E: de::Error>(&self, text: usize) -> Result<(), E> {
        match (
            self.values.get().checked_sub(1),
            self.text.get().checked_sub(text),
        ) {
            (Some(values), Some(text)) => {
                self.values.set(values);
                self.text.set(text);
                Ok(())
            }
            _ => {
                self.exceeded.set(true);
                Err(E::custom(
                    "the front matter builds more values than it holds",
                ))
            }
        }
    }
}

/// Builds one [`Value`], as serde_yaml's `impl Deserialize for Value` does, spending from the
/// budget.
#[derive(Clone, Copy)]
struct ValueSeed<'a>(&'a Left);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        self.0.spend(0)?;
        Ok(Value::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Value, E> {
        self.0.spend(0)?;
        Ok(Value::Number(i.into()))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Value, E> {
        self.0.spend(0)?;
        Ok(Value::Number(u.into()))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Value, E> {
        self.0.spend(0)?;
        Ok(Value::Number(f.into()))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        self.0.spend(s.len())?;
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        self.0.spend(s.len())?;
        Ok(Value::String(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.0.spend(0)?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.0.spend(0)?;
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.0.spend(0)?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.0.spend(0)?;
        let mut mapping = Mapping::new();
        while let Some(key) = map.next_key_seed(self)? {
            match mapping.entry(key) {
                Entry::Occupied(entry) => {
                    return Err(de::Error::custom(format_args!(
                        "duplicate entry with key {:?}",
                        entry.key()
                    )));
                }
                Entry::Vacant(entry) => {
                    entry.insert(map.next_value_seed(self)?);
                }
            }
        }
        Ok(Value::Mapping(mapping))
    }

    /// serde_yaml hands a tagged node (`!name value`) over as an enum: the tag, then the value.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, contents) = data.variant::<String>()?;
        if tag.is_empty() {
            return Err(de::Error::custom("empty YAML tag is not allowed"));
        }
        let value = de::VariantAccess::newtype_variant_seed(contents, self)?;
        Ok(Value::Tagged(Box::new(TaggedValue {
            tag: Tag::new(tag),
            value,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOMY: Budget = Budget {
        values: 1_000,
        text: 10_000,
    };

    #[test]
    fn builds_what_serde_yaml_builds() {
        for yaml in [
            "title: a\nheat: 12.5\nquality: -3\nbig: 18446744073709551615\npublished: true\n",
            "a: ~\nb:\nc: [1, 'two', \"thr\\u00e9e\", {d: e}]\n? [x]\n: y\n",
            "a: !custom 1\nb: !!str 2\nc: !other {x: 1}\n",
            "a: |\n  text\n  more\nb: >-\n  folded\n  text\n",
            "- 1\n- 0x1F\n- 1e3\n- .inf\n- 007\n",
            "a: &x [1, 2]\nb: *x\n",
            "",
        ] {
            let ours = from_str(yaml, ROOMY).map_err(|e| format!("{e:?}"));
            let theirs = serde_yaml::from_str::<Value>(yaml).map_err(|e| format!("{e:?}"));
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{yaml:?}");
        }
    }

    #[test]
    fn refuses_what_serde_yaml_refuses() {
        for yaml in ["a: 1\na: 2\n", "a: [1\n", "a: 1\n---\nb: 2\n"] {
            assert!(
                matches!(from_str(yaml, ROOMY), Err(Error::Yaml(_))),
                "{yaml:?}"
            );
            assert!(serde_yaml::from_str::<Value>(yaml).is_err(), "{yaml:?}");
        }
    }

    #[test]
    fn counts_every_value_and_key() {
        // A mapping, two keys and two values.
        let exact = Budget { values: 5, text: 4 };
        assert!(from_str("a: bc\nd: 1\n", exact).is_ok());
        let short = |values, text| from_str("a: bc\nd: 1\n", Budget { values, text });
        assert!(matches!(short(4, 4), Err(Error::OverBudget)));
        assert!(matches!(short(5, 3), Err(Error::OverBudget)));
    }

    #[test]
    fn stops_a_wide_alias_bomb_at_the_budget() {
        // One anchored list of 1,000 items and 10,000 aliases of it: ten million values if
        // expanded; the budget stops it after a thousand.
        let yaml = format!(
            "a: &t [{}]\nb: [{}]\n",
            vec!["lol"; 1_000].join(","),
            vec!["*t"; 10_000].join(",")
        );
        let budget = Budget {
            values: 2_000,
            text: 1 << 20,
        };
        assert!(matches!(from_str(&yaml, budget), Err(Error::OverBudget)));
        // A long string copied by aliases is stopped by the text budget.
        let yaml = format!(
            "a: &t \"{}\"\nb: [{}]\n",
            "x".repeat(100_000),
            vec!["*t"; 1_000].join(",")
        );
        let budget = Budget {
            values: 2_000,
            text: 200_000,
        };
        assert!(matches!(from_str(&yaml, budget), Err(Error::OverBudget)));
    }
}
