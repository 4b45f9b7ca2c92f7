//! A QR code of the app's own address, drawn as one SVG path, so an
//! audience can open the app on their phones. Generated here, in Rust: no
//! request goes to a QR service.

use qrcodegen::{QrCode, QrCodeEcc};

/// Quiet zone around the code, in modules, as the QR standard asks.
const BORDER: i32 = 4;

/// An SVG QR code: `size` is the side in modules (border included) and
/// `path` draws every dark module as a 1×1 square.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    pub size: i32,
    pub path: String,
}

/// None when the text is too long for any QR code.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let mut path = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + BORDER, y + BORDER));
            }
        }
    }
    Some(QrSvg {
        size: code.size() + 2 * BORDER,
        path,
    })
}

/// The address to encode: a configured one if set, otherwise where the app
/// is running. Only http(s) addresses are accepted.
pub fn valid_address(text: &str) -> Option<String> {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty() && !text.contains(char::is_whitespace) && text.len() <= 300)
        .then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_address_becomes_a_square_code_with_a_quiet_zone() {
        let Some(svg) = qr_svg("https://example.org/maps-capability-checker/") else {
            panic!("no code for a short address");
        };
        assert!(svg.size >= 21 + 2 * BORDER);
        assert!(svg.path.starts_with('M'));
        // Finder pattern: the top-left module inside the border is dark.
        assert!(svg.path.contains(&format!("M{BORDER},{BORDER}h1v1h-1z")));
    }

    #[test]
    fn text_too_long_for_a_qr_code_gives_none() {
        assert_eq!(qr_svg(&"x".repeat(5000)), None);
    }

    #[test]
    fn only_http_addresses_with_a_host_are_accepted() {
        assert_eq!(
            valid_address(" https://a.example/x "),
            Some("https://a.example/x".into())
        );
        assert_eq!(
            valid_address("http://127.0.0.1:8080/"),
            Some("http://127.0.0.1:8080/".into())
        );
        assert_eq!(valid_address("javascript:alert(1)"), None);
        assert_eq!(valid_address("https:///path"), None);
        assert_eq!(valid_address("https://a b.example"), None);
    }
}
