"""Text from outside is looked at character by character only when it is not printable through and through:
the shortcut finds exactly what the rule by Unicode category finds, for every code point."""

from c27desk.model.text import _unsafe, unsafe_characters


def test_the_printable_shortcut_finds_what_the_rule_finds_for_every_code_point():
    for allowed in ("", "\n\t"):
        for cp in range(0x110000):
            text = f"a{chr(cp)}b"
            expected = sorted({f"U+{ord(ch):04X}" for ch in text if _unsafe(ch, allowed)})
            assert unsafe_characters(text, allowed) == expected, (hex(cp), allowed)


def test_allowed_line_breaks_pass_and_others_are_named():
    assert unsafe_characters("dòng một\ndòng\thai", "\n\t") == []
    assert unsafe_characters("dòng một\ndòng hai") == ["U+000A"]
    assert unsafe_characters("abc\u202edef\u00ad", "\n\t") == ["U+202E"]
