use crate::charts::svg::{Fingerprint, Svg, escape, num, push_num};

#[test]
fn numbers_have_at_most_two_decimals() {
    assert_eq!(num(1.0), "1");
    assert_eq!(num(600.0), "600");
    assert_eq!(num(-0.0001), "0");
    assert_eq!(num(129.903_810_5), "129.9");
    assert_eq!(num(-64.951_905), "-64.95");
    assert_eq!(num(0.125), "0.13");
    assert_eq!(num(210.0), "210");
    assert_eq!(num(f64::NAN), "0");
    assert_eq!(num(f64::INFINITY), "0");
    let mut out = "x=".to_owned();
    push_num(&mut out, 100.0);
    assert_eq!(out, "x=100", "only the number's own zeros are trimmed");
}

#[test]
fn tenths_round_trip_exactly() {
    // The map writes its positions in tenths of a unit.
    for tenths in -100_000i64..100_000 {
        let text = num(tenths as f64 / 10.0);
        let parsed: f64 = text.parse().unwrap();
        assert_eq!((parsed * 10.0).round() as i64, tenths);
        assert!(!text.ends_with(".0") && !text.contains(".00"), "{text}");
    }
}

#[test]
fn escape_leaves_no_markup_and_drops_what_xml_forbids() {
    assert_eq!(escape("a & b's \"c\""), "a &amp; b&#39;s &quot;c&quot;");
    assert_eq!(escape("a=`b`"), "a&#61;&#96;b&#96;");
    assert_eq!(escape("x\u{0}\u{7}\u{85}y\u{FFFE}\u{FDD0}\tz\n"), "xy\tz\n");
    assert_eq!(escape("Noordoostpolder — ✓"), "Noordoostpolder — ✓");
    let every_ascii: String = (0u8..128).map(char::from).collect();
    for text in [every_ascii.as_str(), "\"><svg onload=alert(1)>", "'\"<>&=`"] {
        let escaped = escape(text);
        for c in ['<', '>', '"', '\'', '=', '`'] {
            assert!(!escaped.contains(c), "{c} in {escaped}");
        }
        let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#61;", "&#96;"];
        let bare = entities
            .iter()
            .fold(escaped.clone(), |rest, e| rest.replace(e, ""));
        assert!(!bare.contains('&'), "{escaped}");
    }
}

#[test]
fn elements_escape_their_attributes_and_text() {
    let mut svg = Svg::with_capacity(64);
    svg.open("g", &[("class", "a\"b".into()), ("x", 1.5.into())]);
    svg.element("text", &[("y", 2.into())], "<b>");
    svg.empty("line", &[]);
    svg.close("g");
    assert_eq!(
        svg.finish(),
        "<g class=\"a&quot;b\" x=\"1.5\"><text y=\"2\">&lt;b&gt;</text><line/></g>"
    );
}

#[test]
fn fingerprints_are_fnv_1a() {
    // The FNV-1a test vectors.
    assert_eq!(Fingerprint::new().finish(), 0xcbf2_9ce4_8422_2325);
    let mut a = Fingerprint::new();
    a.feed(b"a");
    assert_eq!(a.finish(), 0xaf63_dc4c_8601_ec8c);
    let mut foobar = Fingerprint::default();
    foobar.feed(b"foo");
    foobar.feed(b"bar");
    assert_eq!(foobar.finish(), 0x8594_4171_f739_67e8);
}
