//! One stable sort for every list the app orders.
//!
//! Each `sort_by_key` call compiles its own copy of the standard library's
//! sort into the wasm (measured in BENCHMARKS.md; README "Size rules").
//! Here a list is ranked with an
//! `i64` per item and only `(rank, position)` pairs are sorted, so a single
//! copy of the sort serves them all; the position keeps equals in order.

use std::collections::BTreeSet;

/// Sorts `items` by `rank`, lowest first, keeping the existing order among
/// items of equal rank.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> i64) {
    let mut order: Vec<(i64, usize)> = items
        .iter()
        .enumerate()
        .map(|(position, item)| (rank(item), position))
        .collect();
    // The one copy of a standard sort in the app (clippy.toml forbids others).
    #[allow(clippy::disallowed_methods)]
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|(_, position)| slots[position].take()),
    );
}

/// The distinct `items`, in order. `collect()` into a `BTreeSet` sorts the
/// items first with the standard stable sort, another copy of it for each
/// item type; inserting them one by one needs no sort.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_come_out_lowest_rank_first() {
        let mut numbers = vec![5, -2, 9, 0];
        sort_by_rank(&mut numbers, |number| *number);
        assert_eq!(numbers, [-2, 0, 5, 9]);
    }

    #[test]
    fn a_set_holds_each_item_once_in_order() {
        let set = set_of(["plum", "fig", "plum", "date"]);
        assert_eq!(set.into_iter().collect::<Vec<_>>(), ["date", "fig", "plum"]);
    }

    #[test]
    fn equal_ranks_keep_their_original_order() {
        let mut words = vec!["pear", "fig", "plum", "kiwi", "date"];
        sort_by_rank(&mut words, |word| word.len() as i64);
        assert_eq!(words, ["fig", "pear", "plum", "kiwi", "date"]);
    }

    #[test]
    fn an_empty_list_stays_empty() {
        let mut nothing: Vec<String> = Vec::new();
        sort_by_rank(&mut nothing, |_| 0);
        assert!(nothing.is_empty());
    }
}
