//! Damaged inputs for the tests that decode stored records and files: a
//! small deterministic generator, so a failure can be reproduced from its
//! case number, and the three kinds of damage every such test feeds in.

/// A small deterministic generator (xorshift64*).
pub struct Random(pub u64);

impl Random {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number from 0 to `bound - 1` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// Characters that matter to JSON, weighted towards structure.
pub const ALPHABET: &[u8] = br#"{}[]":,0123456789.-eE truefalsenull\abcdefghijklmnopqrstuvwxyz"#;

/// `count` inputs made from `seeds` (valid records or files) in turn, from
/// the generator started at `start`: random JSON-ish text, a seed cut short
/// at a random character, and a seed with a few bytes overwritten (which
/// may leave invalid UTF-8, read lossily).
pub fn damaged(seeds: &[&str], count: usize, start: u64) -> Vec<String> {
    let mut random = Random(start);
    (0..count)
        .map(|case| {
            let seed = seeds[case % seeds.len()];
            match case % 3 {
                0 => (0..random.below(300))
                    .map(|_| ALPHABET[random.below(ALPHABET.len())] as char)
                    .collect(),
                1 => seed
                    .chars()
                    .take(random.below(seed.chars().count()))
                    .collect(),
                _ => {
                    let mut bytes = seed.as_bytes().to_vec();
                    for _ in 0..=random.below(4) {
                        let at = random.below(bytes.len());
                        bytes[at] = ALPHABET[random.below(ALPHABET.len())];
                    }
                    String::from_utf8_lossy(&bytes).into_owned()
                }
            }
        })
        .collect()
}
