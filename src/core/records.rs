//! The stored format: what each localStorage key holds, the versioned
//! envelope around it, and each record's current version (the steps from
//! older versions are in `migrations`).
//!
//! Every record is wrapped as
//! `{"app": "maps-capability-checker", "kind": K, "version": N, "data": …}`
//! so the app can tell its own data from a stranger's, and an old record from
//! one written by a newer release (which it must not overwrite).

use crate::core::{
    assessment::{Assessment, Millis},
    migrations,
};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

pub const APP: &str = "maps-capability-checker";
/// Every key the app owns starts with this, so "clear this device" can find
/// them all and nothing else on the origin is touched.
pub const KEY_PREFIX: &str = "mapscc/";
pub const QUARANTINE_PREFIX: &str = "mapscc/quarantine/";
pub const PROFILES_KEY: &str = "mapscc/profiles";
pub const ASSESSMENT_PREFIX: &str = "mapscc/assessment/";

pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// Where an unreadable value is set aside: never deleted, only moved.
pub fn quarantine_key(original: &str, now: Millis) -> String {
    let name = original.strip_prefix(KEY_PREFIX).unwrap_or(original);
    format!("{QUARANTINE_PREFIX}{now}/{name}")
}

/// A kind of stored record, with its current format version and the
/// migrations that bring older versions up to it.
pub trait Record: Serialize + DeserializeOwned {
    const KIND: &'static str;
    const VERSION: u32;

    /// Turns the `data` of version `from` into the `data` of `from + 1`.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from version {from}"))
    }
}

#[derive(Debug, PartialEq)]
pub enum Decoded<T> {
    Current(T),
    /// Read from an older format; it should be written back in the new one.
    Migrated(T),
    /// Written by a newer release of the app: keep it, do not overwrite it.
    TooNew(u32),
    /// Not ours, or damaged: set it aside under a quarantine key.
    Unreadable(String),
}

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    app: &'a str,
    kind: &'a str,
    version: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    app: String,
    kind: String,
    version: u32,
    data: Value,
}

/// The kind named in `text`'s envelope when it is a record of this app
/// (`"backup"`, `"review-request"`…); `None` for anything else.
pub fn kind_of(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Head {
        app: String,
        kind: String,
    }
    serde_json::from_str::<Head>(text)
        .ok()
        .filter(|head| head.app == APP)
        .map(|head| head.kind)
}

pub fn encode<T: Record>(record: &T) -> Result<String, String> {
    serde_json::to_string(&EnvelopeOut {
        app: APP,
        kind: T::KIND,
        version: T::VERSION,
        data: record,
    })
    .map_err(|error| error.to_string())
}

pub fn decode<T: Record>(text: &str) -> Decoded<T> {
    let envelope: EnvelopeIn = match serde_json::from_str(text) {
        Ok(envelope) => envelope,
        Err(error) => return Decoded::Unreadable(format!("not a record of this app: {error}")),
    };
    if envelope.app != APP {
        return Decoded::Unreadable(format!("written by {:?}, not this app", envelope.app));
    }
    if envelope.kind != T::KIND {
        return Decoded::Unreadable(format!(
            "a {} record where a {} was expected",
            envelope.kind,
            T::KIND
        ));
    }
    if envelope.version > T::VERSION {
        return Decoded::TooNew(envelope.version);
    }
    if envelope.version == 0 {
        return Decoded::Unreadable("format version 0 was never released".into());
    }
    let mut data = envelope.data;
    for from in envelope.version..T::VERSION {
        data = match T::migrate(from, data) {
            Ok(data) => data,
            Err(error) => return Decoded::Unreadable(error),
        };
    }
    match serde_json::from_value(data) {
        Ok(record) if envelope.version == T::VERSION => Decoded::Current(record),
        Ok(record) => Decoded::Migrated(record),
        Err(error) => Decoded::Unreadable(format!("damaged {} record: {error}", T::KIND)),
    }
}

impl Record for Assessment {
    const KIND: &'static str = "assessment";
    /// Version 1 (the first storage draft) kept no time on each answer;
    /// version 2 stamps each answer so two tabs can merge item by item;
    /// version 3 stores each answer as a compact array (see [`Answer`]), so
    /// a thousand answers fit in well under 60 KB; version 4 adds the
    /// capabilities topped up from other roles (`added`) and the content
    /// versions the answers were given under (`earlier_content`), which a
    /// release that reads version 3 would drop when it saved; version 5
    /// adds the local capability packs it was made with (see
    /// `migrations::assessment`).
    const VERSION: u32 = 5;

    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        migrations::assessment(from, data)
    }
}

/// A person (or persona) using this device. Assessments belong to one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub created_at: Millis,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profiles {
    pub profiles: Vec<Profile>,
    pub active: String,
}

pub const DEFAULT_PROFILE_ID: &str = "me";

/// The first profile's name until the person renames it: it names no one.
pub const DEFAULT_PROFILE_NAME: &str = "Me";

impl Default for Profiles {
    fn default() -> Profiles {
        Profiles {
            profiles: vec![Profile {
                id: DEFAULT_PROFILE_ID.into(),
                name: DEFAULT_PROFILE_NAME.into(),
                created_at: 0,
            }],
            active: DEFAULT_PROFILE_ID.into(),
        }
    }
}

impl Profiles {
    /// Adds `profile` (its name trimmed) and makes it the active one.
    pub fn add(&mut self, mut profile: Profile) {
        profile.name = profile.name.trim().to_owned();
        self.active = profile.id.clone();
        self.profiles.push(profile);
    }

    /// Makes profile `id` the active one; an unknown id changes nothing.
    pub fn switch_to(&mut self, id: &str) {
        if self.profiles.iter().any(|profile| profile.id == id) {
            self.active = id.to_owned();
        }
    }

    /// Renames profile `id` to `name`, trimmed; an unknown id changes nothing.
    pub fn rename(&mut self, id: &str, name: &str) {
        if let Some(profile) = self.profiles.iter_mut().find(|profile| profile.id == id) {
            profile.name = name.trim().to_owned();
        }
    }

    /// Whether profile `id` may be deleted: it exists and is not the last.
    pub fn can_delete(&self, id: &str) -> bool {
        self.profiles.len() > 1 && self.profiles.iter().any(|profile| profile.id == id)
    }

    /// Deletes profile `id` unless it is the last one. If it was active,
    /// the first profile left becomes active. Returns whether it was deleted.
    pub fn delete(&mut self, id: &str) -> bool {
        if !self.can_delete(id) {
            return false;
        }
        self.profiles.retain(|profile| profile.id != id);
        if self.active == id {
            self.active = self
                .profiles
                .first()
                .map(|profile| profile.id.clone())
                .unwrap_or_default();
        }
        true
    }

    pub fn active_profile(&self) -> Option<&Profile> {
        self.profiles
            .iter()
            .find(|profile| profile.id == self.active)
    }

    /// The name of profile `id`, or "" for an unknown id (a profile deleted
    /// since, or one from another device).
    pub fn name_of(&self, id: &str) -> &str {
        self.profiles
            .iter()
            .find(|profile| profile.id == id)
            .map_or("", |profile| profile.name.as_str())
    }

    /// The profile's name where it names a person, for a signature or a
    /// review request; empty for the default "Me" or an unknown id.
    pub fn person_name(&self, id: &str) -> &str {
        match self.name_of(id) {
            DEFAULT_PROFILE_NAME => "",
            name => name,
        }
    }
}

impl Record for Profiles {
    const KIND: &'static str = "profiles";
    const VERSION: u32 = 1;
}

pub const SETTINGS_KEY: &str = "mapscc/settings";

/// Device or session settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Larger type, personal data hidden, one-step reset: for projectors.
    #[serde(default)]
    pub presenter: bool,
    /// The address the workshop QR code shows, when set in the app.
    #[serde(default)]
    pub app_address: String,
    /// When a backup was last downloaded on this device, for the backup
    /// reminder; `None` if never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup_at: Option<Millis>,
}

impl Record for Settings {
    const KIND: &'static str = "settings";
    /// Version 2 adds `last_backup_at`, which a release that reads version 1
    /// would drop when it saved.
    const VERSION: u32 = 2;

    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        migrations::settings(from, data)
    }
}

#[cfg(test)]
mod profile_tests {
    use super::*;

    fn two() -> Profiles {
        let mut profiles = Profiles::default();
        profiles.add(Profile {
            id: "p2".into(),
            name: "  Ward 7 rota  ".into(),
            created_at: 5,
        });
        profiles
    }

    #[test]
    fn an_added_profile_is_trimmed_and_becomes_active() {
        let profiles = two();
        assert_eq!(profiles.active, "p2");
        assert_eq!(profiles.profiles[1].name, "Ward 7 rota");
    }

    #[test]
    fn switching_or_renaming_an_unknown_profile_changes_nothing() {
        let mut profiles = two();
        profiles.switch_to("nobody");
        profiles.rename("nobody", "X");
        assert_eq!(profiles, two());
        profiles.switch_to(DEFAULT_PROFILE_ID);
        profiles.rename(DEFAULT_PROFILE_ID, " Me at work ");
        assert_eq!(profiles.active, DEFAULT_PROFILE_ID);
        assert_eq!(profiles.profiles[0].name, "Me at work");
    }

    #[test]
    fn the_last_profile_stays_and_a_deleted_active_one_hands_over_to_the_first() {
        let mut profiles = two();
        assert!(profiles.delete("p2"));
        assert_eq!(profiles.active, DEFAULT_PROFILE_ID);
        assert!(!profiles.delete(DEFAULT_PROFILE_ID));
        assert_eq!(profiles, Profiles::default());
        assert!(!two().delete("nobody"));
    }

    #[test]
    fn a_profile_is_named_by_its_id_and_an_unknown_one_has_no_name() {
        let profiles = two();
        assert_eq!(profiles.name_of("p2"), "Ward 7 rota");
        assert_eq!(profiles.name_of(DEFAULT_PROFILE_ID), "Me");
        assert_eq!(profiles.person_name(DEFAULT_PROFILE_ID), "");
        assert_eq!(profiles.person_name("p2"), "Ward 7 rota");
        assert_eq!(profiles.name_of("nobody"), "");
        assert_eq!(profiles.person_name("nobody"), "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{assessment::Scope, framework::Stage, roles::RoleId};

    const ASSESSMENT_V2: &str = include_str!("../../tests/fixtures/assessment-v2.json");
    const ASSESSMENT_V3: &str = include_str!("../../tests/fixtures/assessment-v3.json");
    const PROFILES_V1: &str = include_str!("../../tests/fixtures/profiles-v1.json");

    #[test]
    fn a_migrated_version_2_assessment_is_written_as_the_version_3_fixture_in_the_current_version()
    {
        let Decoded::Migrated(assessment) = decode::<Assessment>(ASSESSMENT_V2) else {
            panic!("the version 2 fixture did not migrate");
        };
        let as_current = ASSESSMENT_V3.trim_end().replacen(
            r#""version":3"#,
            &format!(r#""version":{}"#, Assessment::VERSION),
            1,
        );
        assert_eq!(encode(&assessment).as_deref(), Ok(as_current.as_str()));
    }

    #[test]
    fn profiles_fixture_decodes_as_current() {
        let Decoded::Current(profiles) = decode::<Profiles>(PROFILES_V1) else {
            panic!("the profiles fixture did not decode");
        };
        assert_eq!(
            profiles
                .active_profile()
                .map(|profile| profile.name.as_str()),
            Some("Sam")
        );
    }

    #[test]
    fn an_encoded_record_decodes_to_itself() {
        let mut assessment = Assessment::new(
            "a".into(),
            "me".into(),
            RoleId::Scp,
            Stage::NewlyQualified,
            Scope::Quick,
            "1.0.0".into(),
            5,
        );
        assessment.set_note("scp-01", "Notes with \"quotes\" and <tags>", 6);
        let text = encode(&assessment).unwrap_or_default();
        assert_eq!(decode::<Assessment>(&text), Decoded::Current(assessment));
    }

    #[test]
    fn a_record_from_a_newer_release_is_left_alone() {
        let text = r#"{"app":"maps-capability-checker","kind":"profiles","version":7,"data":{}}"#;
        assert_eq!(decode::<Profiles>(text), Decoded::TooNew(7));
    }

    #[test]
    fn foreign_and_damaged_values_are_unreadable_not_fatal() {
        for text in [
            "",
            "null",
            "{",
            "[1,2,3]",
            r#"{"app":"someone-else","kind":"profiles","version":1,"data":{}}"#,
            r#"{"app":"maps-capability-checker","kind":"assessment","version":1,"data":{}}"#,
            r#"{"app":"maps-capability-checker","kind":"profiles","version":0,"data":{}}"#,
            r#"{"app":"maps-capability-checker","kind":"profiles","version":1,"data":{"active":3}}"#,
        ] {
            assert!(
                matches!(decode::<Profiles>(text), Decoded::Unreadable(_)),
                "{text:?} was not reported as unreadable"
            );
        }
    }

    #[test]
    fn quarantine_keys_keep_the_original_name_and_stay_in_the_app_namespace() {
        let key = quarantine_key("mapscc/assessment/a1", 42);
        assert_eq!(key, "mapscc/quarantine/42/assessment/a1");
        assert!(key.starts_with(KEY_PREFIX));
    }
}
