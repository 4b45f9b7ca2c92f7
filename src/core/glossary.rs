//! Plain-English definitions of the words the roles, capabilities and news
//! about MAPs take for granted, kept as data in `src/content/glossary.json`.
//! Only the glossary page uses it, so like the framework the browser build
//! fetches it when that page opens (see `content::LazyFile`).

use serde::Deserialize;
use std::sync::OnceLock;

#[cfg(any(test, not(target_arch = "wasm32")))]
const GLOSSARY_JSON: &str = include_str!("../content/glossary.json");

static GLOSSARY: OnceLock<Vec<Term>> = OnceLock::new();

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    /// Abbreviations and other names people meet the term under.
    #[serde(default)]
    pub also: Vec<String>,
    pub definition: String,
}

/// Every term, in the file's order (alphabetical, which the tests enforce).
/// In the browser it is empty until `set_glossary` has run.
pub fn glossary() -> &'static [Term] {
    #[cfg(not(target_arch = "wasm32"))]
    {
        GLOSSARY.get_or_init(|| parse(GLOSSARY_JSON).unwrap_or_default())
    }
    #[cfg(target_arch = "wasm32")]
    {
        GLOSSARY.get().map_or(&[], Vec::as_slice)
    }
}

pub fn glossary_is_loaded() -> bool {
    GLOSSARY.get().is_some()
}

/// Takes the text of `glossary.json` as fetched; only the first is kept.
pub fn set_glossary(json: &str) -> Result<(), String> {
    let terms = parse(json)?;
    let _ = GLOSSARY.set(terms);
    Ok(())
}

pub fn parse(json: &str) -> Result<Vec<Term>, String> {
    crate::core::content::read_json("glossary.json", json)
}

/// The letter a term is filed under, upper case.
pub fn letter_of(term: &Term) -> char {
    term.term
        .chars()
        .next()
        .map(|letter| letter.to_ascii_uppercase())
        .unwrap_or('#')
}

/// The terms split into runs that share a first letter, in order, for a
/// page with one heading per letter.
pub fn by_letter(terms: &[Term]) -> Vec<(char, Vec<&Term>)> {
    let mut groups: Vec<(char, Vec<&Term>)> = Vec::new();
    for term in terms {
        let letter = letter_of(term);
        match groups.last_mut() {
            Some((current, members)) if *current == letter => members.push(term),
            _ => groups.push((letter, vec![term])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Counts full stops, question marks and exclamation marks that end a
    /// sentence: followed by a space or the end of the text. "2.1" is not
    /// counted, but "e.g. " would be, which keeps such abbreviations out.
    fn sentence_count(text: &str) -> usize {
        let characters: Vec<char> = text.chars().collect();
        characters
            .iter()
            .enumerate()
            .filter(|(index, character)| {
                matches!(character, '.' | '?' | '!')
                    && characters
                        .get(index + 1)
                        .is_none_or(|next| next.is_whitespace())
            })
            .count()
    }

    fn terms() -> Vec<Term> {
        parse(GLOSSARY_JSON).unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn the_glossary_file_parses_and_holds_30_to_45_terms() {
        let terms = terms();
        assert!(
            (30..=45).contains(&terms.len()),
            "{} terms; the page is meant to hold 30 to 45",
            terms.len()
        );
        assert_eq!(glossary().len(), terms.len());
    }

    #[test]
    fn no_term_appears_twice_whatever_its_case() {
        let mut seen = BTreeSet::new();
        for term in terms() {
            assert!(
                seen.insert(term.term.to_lowercase()),
                "\"{}\" appears more than once",
                term.term
            );
        }
    }

    #[test]
    fn every_definition_is_one_or_two_sentences() {
        for term in terms() {
            let definition = term.definition.trim();
            assert!(
                !definition.is_empty(),
                "\"{}\" has no definition",
                term.term
            );
            assert!(
                definition.ends_with('.'),
                "the definition of \"{}\" does not end with a full stop",
                term.term
            );
            let sentences = sentence_count(definition);
            assert!(
                (1..=2).contains(&sentences),
                "the definition of \"{}\" has {sentences} sentences",
                term.term
            );
        }
    }

    #[test]
    fn every_term_and_other_name_is_filled_in() {
        for term in terms() {
            assert!(!term.term.trim().is_empty(), "a term has no name");
            assert!(
                term.also.iter().all(|name| !name.trim().is_empty()),
                "\"{}\" has a blank other name",
                term.term
            );
        }
    }

    #[test]
    fn terms_are_sorted_alphabetically_ignoring_case() {
        let terms = terms();
        for pair in terms.windows(2) {
            assert!(
                pair[0].term.to_lowercase() < pair[1].term.to_lowercase(),
                "\"{}\" should come after \"{}\"",
                pair[0].term,
                pair[1].term
            );
        }
    }

    #[test]
    fn the_sentence_counter_sees_abbreviations_but_not_decimal_points() {
        assert_eq!(sentence_count("Band 8a pays more. It is rarer."), 2);
        assert_eq!(sentence_count("Version 2.1 is current."), 1);
        assert_eq!(sentence_count("Say, e.g. a nurse, applies."), 2);
    }

    #[test]
    fn a_broken_file_is_an_error_not_a_panic() {
        assert!(parse("[{\"term\": \"Band\"}]").is_err());
        assert!(parse("not json").is_err());
    }

    #[test]
    fn terms_are_grouped_under_their_capitalised_first_letter() {
        let terms = parse(
            r#"[
                {"term": "Airway", "definition": "A."},
                {"term": "appraisal", "definition": "B."},
                {"term": "Band", "definition": "C."}
            ]"#,
        )
        .unwrap_or_else(|error| panic!("{error}"));
        let groups = by_letter(&terms);
        let summary: Vec<(char, usize)> = groups
            .iter()
            .map(|(letter, members)| (*letter, members.len()))
            .collect();
        assert_eq!(summary, vec![('A', 2), ('B', 1)]);
    }

    #[test]
    fn the_real_glossary_has_one_group_per_letter_used() {
        let terms = terms();
        let groups = by_letter(&terms);
        let letters: BTreeSet<char> = terms.iter().map(letter_of).collect();
        assert_eq!(groups.len(), letters.len());
        assert_eq!(
            groups
                .iter()
                .map(|(_, members)| members.len())
                .sum::<usize>(),
            terms.len()
        );
    }
}
