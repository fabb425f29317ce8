package corpus

import (
	"math/rand/v2"
	"strings"
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

// Text copies words eight bytes at a time (plainWords) and the rest a byte
// at a time; wherever the windows fall, every run of white space must
// still become one space: what strings.Fields, which splits at
// unicode.IsSpace, makes of the same text.
func TestConverterWordWindows(t *testing.T) {
	pieces := []string{"a", "Brown", " ", " ", "  ", "\n", "\t", "!", ".", "\u00a0", "§", "“", "\u2003", "\u3000", "\x7f", "\x00", "\xc2", "\xe2\x80"}
	r := rand.New(rand.NewPCG(13, 5))
	for range 20000 {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in := b.String()
		c := newConverter(10)
		c.text([]byte(in))
		c.newline() // a space left at the end of in is no word's
		c.text([]byte("end"))
		got, _ := c.finish()
		want := "end"
		if words := strings.Fields(in); len(words) > 0 {
			want = strings.Join(words, " ") + "\nend"
		}
		if got != want {
			t.Fatalf("%q: got %q, want %q", in, got, want)
		}
	}
}

// Every known element is found by elementOf as the map has it, whatever
// the length and first byte of its name; others get an element of their
// own name.
func TestElementOfFindsEveryKnownName(t *testing.T) {
	for name, want := range elements {
		if got := elementOf([]byte(name)); got != want {
			t.Errorf("elementOf(%q) = %+v, want %+v", name, got, want)
		}
	}
	for _, name := range []string{"", "x", "spam", "page-numbers", "extracted-citations", "0p", "P"} {
		if got := elementOf([]byte(name)); got.name != name || got.block || got.skip || got.void || got.autoEnd {
			t.Errorf("elementOf(%q) = %+v, want a plain element of that name", name, got)
		}
	}
}
