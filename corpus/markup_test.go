package corpus

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// spaceAt must agree with unicode.IsSpace on every character, since word
// boundaries in every markup format depend on it.
func TestSpaceAtIsUnicodeSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b := utf8.AppendRune(nil, r)
		want := 0
		if unicode.IsSpace(r) {
			want = len(b)
		}
		if got := spaceAt(b, 0); got != want {
			t.Errorf("spaceAt(%U) = %d, want %d", r, got, want)
		}
	}
}

// Text collapses every run of white space, Unicode's included, to one
// space, and keeps words whole.
func TestConverterCollapsesWhiteSpace(t *testing.T) {
	for in, want := range map[string]string{
		"a b  c\td\u00a0e\u2003f\u3000g": "a b c d e f g",
		"  lead and trail  ":             "lead and trail",
		"Ω\u00a0Ω\u00c2x 中文":             "Ω ΩÂx 中文",
		"x\u200bz":                       "x\u200bz", // zero width space is not white space
	} {
		c := newConverter(10)
		c.text([]byte(in))
		c.text([]byte(" tail"))
		got, _ := c.finish()
		if got != want+" tail" {
			t.Errorf("%q: got %q, want %q", in, got, want+" tail")
		}
	}
}
