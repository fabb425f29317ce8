package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// pinLine renders a citation's kind, target (or own reference when
// unresolved), pin and parallel references.
func pinLine(c extract.Citation) string {
	ref := c.Target
	if !c.Resolved() {
		ref = c.Ref
	}
	s := c.Kind.String() + " " + ref.String()
	if c.Pin != "" {
		s += " pin=" + c.Pin
	}
	if len(c.Parallel) > 0 {
		var par []string
		for _, p := range c.Parallel {
			par = append(par, p.String())
		}
		s += " par=" + strings.Join(par, "; ")
	}
	return s
}

// A pin list ends before a number that begins a citation: in a short form
// given in several reporters, the parallel's volume is not a pin, and the
// parallel short cite belongs to the same citation, as a full citation's
// parallels do.
func TestPinsStopAtParallelShortCites(t *testing.T) {
	const miranda = "Miranda v. Arizona, 384 U.S. 436, 444, 86 S. Ct. 1602, 16 L. Ed. 2d 694 (1966). "
	tests := []struct {
		name, text string
		want       []string
	}{
		{"West's Supreme Court style", miranda + "Later, Miranda, 384 U.S. at 445, 86 S. Ct. at 1613.",
			[]string{"full 384 U.S. 436 pin=444 par=86 S. Ct. 1602; 16 L. Ed. 2d 694",
				"short 384 U.S. 436 pin=445 par=86 S. Ct."}},
		{"three reporters", miranda + "See Miranda, 384 U.S. at 467-468, 86 S. Ct. at 1624, 16 L. Ed. 2d at 720.",
			[]string{"full 384 U.S. 436 pin=444 par=86 S. Ct. 1602; 16 L. Ed. 2d 694",
				"short 384 U.S. 436 pin=467-468 par=86 S. Ct.; 16 L. Ed. 2d"}},
		{"U.S. Reports' own style, commas before at", miranda + "See 384 U. S., at 445, 86 S. Ct., at 1613.",
			[]string{"full 384 U.S. 436 pin=444 par=86 S. Ct. 1602; 16 L. Ed. 2d 694",
				"short 384 U.S. 436 pin=445 par=86 S. Ct."}},
		{"Illinois official and regional",
			"People v. Smith, 150 Ill. 2d 1, 575 N.E.2d 100 (1991). Smith, 150 Ill. 2d at 7, 575 N.E.2d at 105.",
			[]string{"full 150 Ill. 2d 1 par=575 N.E.2d 100", "short 150 Ill. 2d 1 pin=7 par=575 N.E.2d"}},
		{"state pin with footnote",
			"Hanson v. Hanson, 413 Mich. 461, 320 N.W.2d 860 (1982). 413 Mich., at 472-473, n. 8, 320 N. W. 2d, at 870, n. 8.",
			[]string{"full 413 Mich. 461 par=320 N.W.2d 860", "short 413 Mich. 461 pin=472-473 n.8 par=320 N.W.2d"}},
		{"Id. with parallels", miranda + "Id. at 447, 86 S. Ct. at 1614, 16 L. Ed. 2d at 707.",
			[]string{"full 384 U.S. 436 pin=444 par=86 S. Ct. 1602; 16 L. Ed. 2d 694",
				"id 384 U.S. 436 pin=447 par=86 S. Ct.; 16 L. Ed. 2d"}},
		{"supra with parallels",
			"Harlow v. Fitzgerald, 457 U.S. 800, 102 S. Ct. 2727 (1982). Harlow v. Fitzgerald, supra, 457 U.S. at 818, 102 S. Ct. at 2738.",
			[]string{"full 457 U.S. 800 par=102 S. Ct. 2727", "supra 457 U.S. 800 pin=818 par=102 S. Ct."}},
		{"public-domain paragraph and regional page",
			"Hauge v. Hauge, 1996 SD 48, 547 N.W.2d 173. See Hauge, 1996 SD 48, ¶ 8, 547 N.W.2d at 176.",
			[]string{"full 1996 SD 48 par=547 N.W.2d 173", "short 1996 SD 48 pin=¶ 8"}},
		{"full citation with its parallel given by pin",
			"State v. Mapp, 170 Ohio St. 427, 166 N. E. 2d, at 388, syllabus 2.",
			[]string{"full 170 Ohio St. 427"}},
		{"the session laws' page and the code",
			"Securities Act of 1933, 48 Stat. 74, 15 U.S.C. § 77a et seq.",
			[]string{"law 48 Stat. 74", "law 15 U.S.C. § 77a"}},
		{"a neutral citation after the pin",
			"Reynolds v. Goll, 75 Ohio St.3d 121, 124, 1996-Ohio-153, 661 N.E.2d 1008 (1996).",
			[]string{"full 75 Ohio St. 3d 121 pin=124 par=1996 Ohio 153; 661 N.E.2d 1008"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range extract.Extract(tt.text) {
			got = append(got, pinLine(c))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got  %q\n want %q", tt.name, got, tt.want)
		}
	}
}

// Pins that are pins stay pins: several pages, ranges, footnotes with
// "&" or "and" (Bluebook 3.2(a)).
func TestPinListsStayWhole(t *testing.T) {
	const full = "Miranda v. Arizona, 384 U.S. 436 (1966). "
	for _, tt := range []struct{ text, pin string }{
		{"Miranda, 384 U.S. at 445, 447.", "445, 447"},
		{"Miranda, 384 U.S. at 445 & n. 3.", "445 & n.3"},
		{"Miranda, 384 U.S. at 445 and n. 3, 447.", "445 & n.3, 447"},
		{"Miranda, 384 U.S. at 445 & 447.", "445 & 447"},
		{"Miranda, 384 U.S. at 445-446, 448.", "445-446, 448"},
		{"Miranda, 384 U.S. at 445, and n. 4, 447.", "445 n.4, 447"},
		{"Miranda, 384 U.S. at 445 and 12 other pages.", "445"},
	} {
		cs := extract.Extract(full + tt.text)
		if len(cs) != 2 || cs[1].Kind != extract.Short || cs[1].Pin != tt.pin || len(cs[1].Parallel) != 0 {
			var got []string
			for _, c := range cs {
				got = append(got, pinLine(c))
			}
			t.Errorf("%s: got %q, want a short cite with pin %q", tt.text, got, tt.pin)
		}
	}
}
