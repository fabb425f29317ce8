package extract_test

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/extract"
)

// FuzzExtract feeds arbitrary text to the extractor: it must never panic,
// and every citation must point at its own text within the input, in
// order, with a resolved antecedent that exists.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"Imbler v. Pachtman, 424 U. S. 409, 430 (1976); id., at 431, n. 33. Ibid.",
		"Marbury v. Madison, 5 U.S. (1 Cranch) 137, 177 (1803). 2020 WL 1234567, at *3 (N.D. Cal. 2020)",
		"Kalina, supra, at \n132 (SCALIA, J., concurring). 42 U. S. C. §1983; Rev. Stat. §1979. Id. § 5",
		"384 U.S. 436, 444, 86 S. Ct. 1602, 16 L. Ed. 2d 694 (1966) (quoting Twombly, 550 U.S. at 570)",
		"600 U.S. ___, ___ (2023); 2008-Ohio-1234; Gold-\nstein, supra. (((((",
	}
	if raw, err := os.ReadFile(sampleText); err == nil {
		seeds = append(seeds, string(raw))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cs := extract.Extract(text)
		prev := 0
		for i, c := range cs {
			if c.Start < prev || c.End < c.Start || c.End > len(text) || text[c.Start:c.End] != c.Text {
				t.Fatalf("citation %d: bad span [%d,%d) after %d", i, c.Start, c.End, prev)
			}
			prev = c.Start
			if c.Antecedent >= len(cs) || c.Antecedent < -1 {
				t.Fatalf("citation %d: antecedent %d out of range", i, c.Antecedent)
			}
			if c.Resolved() != (c.Antecedent >= 0) {
				t.Fatalf("citation %d: resolved=%v but antecedent %d", i, c.Resolved(), c.Antecedent)
			}
			if utf8.ValidString(text) {
				for _, field := range []string{c.Text, c.CaseName, c.Plaintiff, c.Defendant, c.Pin, c.Court, c.Signal, c.Parenthetical} {
					if !utf8.ValidString(field) {
						t.Fatalf("citation %d: %q is not UTF-8", i, field)
					}
				}
			}
		}
	})
}
