//! Numbers shown with one decimal place, formatted with integer arithmetic.
//!
//! Rust's own float formatting (`{:.1}`) brings a lot of code into the wasm
//! (BENCHMARKS.md; README "Size rules"); the app only ever shows small,
//! non-negative means and sizes.

/// `value` rounded to one decimal place, as "2.5" or "3.0".
pub fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0).round().max(0.0) as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_to_the_nearest_tenth() {
        assert_eq!(one_decimal(0.0), "0.0");
        assert_eq!(one_decimal(2.5), "2.5");
        assert_eq!(one_decimal(3.04), "3.0");
        assert_eq!(one_decimal(3.05), "3.1");
        assert_eq!(one_decimal(2.0 / 3.0), "0.7");
        assert_eq!(one_decimal(12.96), "13.0");
    }

    #[test]
    fn negative_values_show_as_zero_rather_than_wrapping() {
        assert_eq!(one_decimal(-0.04), "0.0");
        assert_eq!(one_decimal(-3.0), "0.0");
    }
}
