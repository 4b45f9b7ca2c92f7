//! Reading the content files field by field from a parsed JSON tree.
//!
//! The content types used to derive `Deserialize`. Serde's generated code
//! for them cost bytes of wasm (measured in BENCHMARKS.md), while the
//! app already parses stored records into `serde_json::Value` for their
//! migrations. So the content is parsed into that same tree and read with
//! these small accessors. They are as strict as serde: a missing field, a
//! field of the wrong type or an unknown field is an error that says where.

use serde_json::{Map, Value};

/// One JSON object of a content file, and where it is in the file.
pub struct Fields<'a> {
    object: &'a Map<String, Value>,
    /// Such as "framework.json capabilities[3]", for error messages.
    place: String,
}

/// Parses `json` and reads its top level with `read`.
pub fn read_file<T>(
    name: &str,
    json: &str,
    read: impl FnOnce(&Value, &str) -> Result<T, String>,
) -> Result<T, String> {
    let tree: Value = serde_json::from_str(json).map_err(|error| format!("{name}: {error}"))?;
    read(&tree, name)
}

/// Reads every element of a JSON array of objects.
pub fn read_list<'a, T>(
    value: &'a Value,
    place: &str,
    read: impl Fn(Fields<'a>) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let items = value
        .as_array()
        .ok_or_else(|| format!("{place}: expected a list"))?;
    // A loop, not `collect()` into a `Result`: this is compiled once per
    // item type, and the iterator adapters behind `collect()` made each copy
    // several times larger.
    let mut list = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        list.push(read(Fields::of(item, format!("{place}[{index}]"))?)?);
    }
    Ok(list)
}

impl<'a> Fields<'a> {
    pub fn of(value: &'a Value, place: String) -> Result<Fields<'a>, String> {
        match value.as_object() {
            Some(object) => Ok(Fields { object, place }),
            None => Err(format!("{place}: expected an object")),
        }
    }

    /// Fails on a key that is not one of `known`, so that a misspelt
    /// field is reported rather than silently ignored.
    pub fn only(self, known: &[&str]) -> Result<Fields<'a>, String> {
        match self
            .object
            .keys()
            .find(|key| !known.contains(&key.as_str()))
        {
            Some(key) => Err(format!("{}: unknown field \"{key}\"", self.place)),
            None => Ok(self),
        }
    }

    fn required(&self, key: &str) -> Result<&'a Value, String> {
        self.object
            .get(key)
            .ok_or_else(|| format!("{}: missing field \"{key}\"", self.place))
    }

    fn wrong(&self, key: &str, expected: &str) -> String {
        format!("{}: field \"{key}\" should be {expected}", self.place)
    }

    /// Whether the field is present (and not `null`), for optional parts.
    pub fn has(&self, key: &str) -> bool {
        self.object.get(key).is_some_and(|value| !value.is_null())
    }

    pub fn text(&self, key: &str) -> Result<String, String> {
        self.required(key)?
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| self.wrong(key, "text"))
    }

    /// Absent or `null` is `None`.
    pub fn optional_text(&self, key: &str) -> Result<Option<String>, String> {
        match self.object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => value
                .as_str()
                .map(|text| Some(text.to_owned()))
                .ok_or_else(|| self.wrong(key, "text")),
        }
    }

    /// A list of texts; `required` says whether the field may be left out,
    /// meaning an empty list.
    pub fn texts(&self, key: &str, required: bool) -> Result<Vec<String>, String> {
        let value = match self.object.get(key) {
            None if !required => return Ok(Vec::new()),
            _ => self.required(key)?,
        };
        value
            .as_array()
            .and_then(|items| {
                items
                    .iter()
                    .map(|item| item.as_str().map(str::to_owned))
                    .collect()
            })
            .ok_or_else(|| self.wrong(key, "a list of texts"))
    }

    /// Absent is `false`.
    pub fn flag(&self, key: &str) -> Result<bool, String> {
        match self.object.get(key) {
            None => Ok(false),
            Some(value) => value
                .as_bool()
                .ok_or_else(|| self.wrong(key, "true or false")),
        }
    }

    /// A whole number from 0 to 255, such as a level on the rating scale.
    pub fn small_number(&self, key: &str) -> Result<u8, String> {
        self.required(key)?
            .as_u64()
            .and_then(|number| u8::try_from(number).ok())
            .ok_or_else(|| self.wrong(key, "a whole number from 0 to 255"))
    }

    /// A text naming one of a closed set of values, such as a role code.
    pub fn code<T>(&self, key: &str, from_code: impl Fn(&str) -> Option<T>) -> Result<T, String> {
        let text = self.text(key)?;
        from_code(&text).ok_or_else(|| format!("{}: \"{text}\" is not a known {key}", self.place))
    }

    pub fn object(&self, key: &str) -> Result<Fields<'a>, String> {
        Fields::of(self.required(key)?, format!("{} {key}", self.place))
    }

    /// A list of objects, each read with `read`.
    pub fn list<T>(
        &self,
        key: &str,
        read: impl Fn(Fields<'a>) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        read_list(self.required(key)?, &format!("{} {key}", self.place), read)
    }

    /// An object used as a map from text keys to lists of texts.
    pub fn text_lists(&self, key: &str) -> Result<Vec<(&'a str, Vec<String>)>, String> {
        let map = self.object(key)?;
        let mut out = Vec::new();
        for name in map.object.keys() {
            out.push((name.as_str(), map.texts(name, true)?));
        }
        Ok(out)
    }

    /// An object used as a map from text keys to objects.
    pub fn entries(&self, key: &str) -> Result<Vec<(&'a str, Fields<'a>)>, String> {
        let map = self.object(key)?;
        map.object
            .iter()
            .map(|(name, value)| {
                Fields::of(value, format!("{} {name}", map.place))
                    .map(|fields| (name.as_str(), fields))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T>(json: &str, read: impl FnOnce(Fields) -> Result<T, String>) -> Result<T, String> {
        read_file("test.json", json, |tree, place| {
            read(Fields::of(tree, place.to_owned())?)
        })
    }

    #[test]
    fn fields_of_each_kind_are_read() {
        let json = r#"{"title": "A", "tags": ["x", "y"], "on": true, "level": 3, "role": "pa", "kids": [{"n": 1}]}"#;
        let (title, tags, on, level, role, kids) = read(json, |fields| {
            Ok((
                fields.text("title")?,
                fields.texts("tags", true)?,
                fields.flag("on")?,
                fields.small_number("level")?,
                fields.code("role", crate::core::roles::RoleId::from_code)?,
                fields.list("kids", |kid| kid.small_number("n"))?,
            ))
        })
        .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(title, "A");
        assert_eq!(tags, ["x", "y"]);
        assert!(on);
        assert_eq!(level, 3);
        assert_eq!(role, crate::core::roles::RoleId::Pa);
        assert_eq!(kids, [1]);
    }

    #[test]
    fn optional_fields_may_be_left_out() {
        let (note, flag, tags) = read("{}", |fields| {
            Ok((
                fields.optional_text("note")?,
                fields.flag("flag")?,
                fields.texts("tags", false)?,
            ))
        })
        .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(note, None);
        assert!(!flag);
        assert!(tags.is_empty());
    }

    #[test]
    fn errors_say_which_field_and_where() {
        let missing = read(r#"{"kids": [{"n": 1}, {}]}"#, |fields| {
            fields.list("kids", |kid| kid.small_number("n"))
        });
        assert_eq!(
            missing,
            Err("test.json kids[1]: missing field \"n\"".into())
        );
        let mistyped = read(r#"{"title": 7}"#, |fields| fields.text("title"));
        assert_eq!(
            mistyped,
            Err("test.json: field \"title\" should be text".into())
        );
        let too_big = read(r#"{"level": 300}"#, |fields| fields.small_number("level"));
        assert!(too_big.is_err_and(|error| error.contains("0 to 255")));
        let unknown_code = read(r#"{"role": "nurse"}"#, |fields| {
            fields.code("role", crate::core::roles::RoleId::from_code)
        });
        assert_eq!(
            unknown_code,
            Err("test.json: \"nurse\" is not a known role".into())
        );
    }

    #[test]
    fn an_unknown_field_is_an_error_not_ignored() {
        let result = read(r#"{"title": "A", "titel": "B"}"#, |fields| {
            fields.only(&["title"]).map(|_| ())
        });
        assert_eq!(result, Err("test.json: unknown field \"titel\"".into()));
    }

    #[test]
    fn broken_json_is_an_error_naming_the_file() {
        let result = read("{not json", |_| Ok(()));
        assert!(result.is_err_and(|error| error.starts_with("test.json: ")));
    }
}
