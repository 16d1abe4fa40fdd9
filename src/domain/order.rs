//! Stable sorting through one instance of the standard library's sort.
//!
//! `slice::sort_by_key` is generic over the element and the key closure, so
//! every call site compiles its own copy of the sort (about 450 bytes of
//! WASM each, and the app had dozens). These functions sort a list of
//! positions instead, with a comparison passed as a trait object: the sort
//! itself is compiled once, and each call site adds only a small wrapper.
//!
//! Invariant: the result is exactly that of `slice::sort_by` with the same
//! comparison (stable: equal elements keep their order), which a property
//! test checks.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items: &[T] = items;
        sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    }
    permute(items, &mut order);
}

/// Sorts `items` stably by the key `key` gives, as `slice::sort_by_key`
/// does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instance of the standard library's sort: positions, compared
/// through a trait object.
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Rearranges `items` so that position `p` holds what was at `order[p]`,
/// following each cycle of the permutation once. `order` is used up.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut list = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut list, |&(key, _)| key);
        assert_eq!(list, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        sort_by_key(&mut list, |&(key, _)| std::cmp::Reverse(key));
        assert_eq!(list, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'd'), (0, 'e')]);
    }

    #[test]
    fn short_lists_and_owned_elements() {
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["x".to_string()];
        sort(&mut one);
        assert_eq!(one, ["x"]);
        let mut words: Vec<String> = ["pear", "apple", "fig"].map(String::from).to_vec();
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
    }

    proptest! {
        /// Law: the same result as the standard library's stable sort.
        #[test]
        fn same_as_the_standard_stable_sort(
            list in proptest::collection::vec((0_u8..6, any::<u16>()), 0..80),
        ) {
            let mut ours = list.clone();
            let mut theirs = list;
            sort_by_key(&mut ours, |&(key, _)| key);
            theirs.sort_by_key(|&(key, _)| key);
            prop_assert_eq!(ours, theirs);
        }

        /// Law: `permute` applies any permutation.
        #[test]
        fn any_permutation_is_applied(
            order in (0_usize..40).prop_flat_map(|n| Just((0..n).collect::<Vec<_>>()).prop_shuffle()),
        ) {
            let items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            let mut permuted = items.clone();
            permute(&mut permuted, &mut order.clone());
            let want: Vec<usize> = order.iter().map(|&from| items[from]).collect();
            prop_assert_eq!(permuted, want);
        }
    }
}
