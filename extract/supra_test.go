package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// A supra or short cite whose name fits several cases is resolved by its
// pin when the pin fits exactly one of them, and otherwise left unresolved
// as ambiguous: never guessed.
func TestAmbiguousShortForms(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		want      []string
		ambiguous []string // the refs the ambiguous reason names, in order of citation
	}{
		{"two cases of one volume sharing a first party",
			"See Smith v. Jones, 500 U.S. 100, 105 (1991); Smith v. Brown, 500 U.S. 300, 305 (1991). Later discussion. " +
				"Smith, supra, at 106. Smith, supra, at 310. Smith, supra. Smith, 500 U.S., at 106. Smith, 500 U.S., at 306. Smith, 500 U.S., at 50.",
			[]string{"full 500 U.S. 100 pin=105", "full 500 U.S. 300 pin=305", "supra 500 U.S. 100 pin=106", "supra 500 U.S. 300 pin=310",
				"supra  unresolved", "short 500 U.S. 100 pin=106", "short 500 U.S. 300 pin=306", "short 500 U.S. pin=50 unresolved"},
			[]string{"500 U.S. 100 (Smith v. Jones)", "500 U.S. 300 (Smith v. Brown)"}},
		{"one party on either side of two cases, volumes apart",
			"Compare Miller v. California, 413 U.S. 15, 24 (1973), with Miller v. Alabama, 567 U.S. 460, 471 (2012). " +
				"Miller, supra, at 479. Miller, supra, at 25. Miller, supra.",
			[]string{"full 413 U.S. 15 pin=24", "full 567 U.S. 460 pin=471", "supra 567 U.S. 460 pin=479", "supra 413 U.S. 15 pin=25",
				"supra  unresolved"},
			[]string{"413 U.S. 15 (Miller v. California)", "567 U.S. 460 (Miller v. Alabama)"}},
		{"two circuits' cases of one party, pages apart",
			"Smith v. Jones, 100 F.3d 1 (1st Cir. 1996). The Second Circuit disagreed. Smith v. Brown, 200 F.3d 5 (2d Cir. 1999). " +
				"We need not choose. Smith, supra, at 7. Smith, supra, at 3. See Smith, supra note 2, at 4.",
			[]string{"full 100 F.3d 1", "full 200 F.3d 5", "supra  pin=7 unresolved", "supra 100 F.3d 1 pin=3", "supra 100 F.3d 1 pin=4"},
			[]string{"100 F.3d 1 (Smith v. Jones)", "200 F.3d 5 (Smith v. Brown)"}},
		{"a common party's name fits too many cases for a pin to choose",
			"Korematsu v. United States, 323 U.S. 214 (1944); Hirabayashi v. United States, 320 U.S. 81 (1943); " +
				"Schneiderman v. United States, 320 U.S. 118 (1943); United States ex rel. Toth v. Quarles, 350 U.S. 11 (1955). " +
				"The House print agreed. Codification of the Nationality Laws of the United States, supra, at 68.",
			[]string{"full 323 U.S. 214", "full 320 U.S. 81", "full 320 U.S. 118", "full 350 U.S. 11", "supra  pin=68 unresolved"},
			[]string{"323 U.S. 214 (Korematsu v. United States)", "320 U.S. 81 (Hirabayashi v. United States)",
				"320 U.S. 118 (Schneiderman v. United States)", "350 U.S. 11 (United States ex rel. Toth v. Quarles)"}},
		{"the decision below and the decision reviewing it",
			"Brush v. Commissioner, 85 F.2d 32 (CA2 1936), rev'd, 300 U.S. 352 (1937). In Brush v. Commissioner, supra, at 360, the Court held. " +
				"See Brush v. Commissioner, supra.",
			[]string{"full 85 F.2d 32", "full 300 U.S. 352", "supra 300 U.S. 352 pin=360", "supra  unresolved"},
			[]string{"85 F.2d 32 (Brush v. Commissioner)", "300 U.S. 352 (Brush v. Commissioner)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := briefs(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			for _, c := range extract.Extract(tt.text) {
				if c.Kind != extract.Supra || c.Resolved() {
					continue
				}
				if !strings.HasPrefix(c.Reason, "ambiguous") {
					t.Errorf("%q: reason %q, want ambiguous", c.Text, c.Reason)
				}
				last := -1
				for _, r := range tt.ambiguous {
					k := strings.Index(c.Reason, r)
					if k <= last {
						t.Errorf("%q: reason %q does not name %s after the cases before it", c.Text, c.Reason, r)
					}
					last = k
				}
			}
		})
	}
}

// A supra naming a treatise cited before resolves to it, as an Id. after
// it does, and makes no case edge; a name that fits a treatise and a case
// is ambiguous.
func TestSupraOfSecondary(t *testing.T) {
	text := "Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 555 (2007). See 5 C. Wright & A. Miller, Federal Practice and Procedure § 1216, p. 207 (3d ed. 2004). " +
		"Id., at 210. Twombly, supra, at 556. See C. Wright & A. Miller, supra. Wright & Miller, supra. " +
		"1 W. LaFave, Search and Seizure § 2.1, p. 300 (3d ed. 1996). LaFave, supra. " +
		"C. Wright, Law of Federal Courts § 19 (2d ed. 1970). Wright v. West, 505 U.S. 277, 285 (1992). Wright, supra, at 290. " +
		"5 Wright & Miller, supra, § 1217. See LaFave, supra note 4, § 2.2. " +
		"In Twombly, supra, §§ 1 and 2 of the Sherman Act were at issue."
	wm := "secondary 5 C. Wright & A. Miller, Federal Practice and Procedure § 1216"
	want := []string{"full 550 U.S. 544 pin=555", wm + " pin=p. 207", "id 5 C. Wright & A. Miller, Federal Practice and Procedure § 1216 pin=210",
		"supra 550 U.S. 544 pin=556", "supra 5 C. Wright & A. Miller, Federal Practice and Procedure § 1216",
		"supra 5 C. Wright & A. Miller, Federal Practice and Procedure § 1216",
		"secondary 1 W. LaFave, Search and Seizure § 2.1 pin=p. 300", "supra 1 W. LaFave, Search and Seizure § 2.1",
		"secondary C. Wright, Law of Federal Courts § 19", "full 505 U.S. 277 pin=285", "supra  pin=290 unresolved",
		"supra 5 C. Wright & A. Miller, Federal Practice and Procedure § 1216 pin=§ 1217", "supra 1 W. LaFave, Search and Seizure § 2.1 pin=§ 2.2",
		"supra 550 U.S. 544"}
	if got := briefs(text); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	for _, c := range extract.Extract(text) {
		if c.Kind == extract.Supra && c.Resolved() && c.IsCase() != (c.Target.Reporter == "U.S.") {
			t.Errorf("%q: IsCase %v for target %s", c.Text, c.IsCase(), c.Target)
		}
		if c.Kind == extract.Supra && !c.Resolved() && !strings.Contains(c.Reason, "ambiguous") {
			t.Errorf("%q: reason %q", c.Text, c.Reason)
		}
	}
}

// A supra that gives its volume, in California's style, cites a case of
// its name cited in that volume, never one cited in another volume of
// that reporter; the name and "supra note 1" before a full citation are
// that citation's name.
func TestSupraGivingItsVolume(t *testing.T) {
	text := "People v. Thompson (1980) 27 Cal.3d 303, 310. Later, in People v. Thompson (1988) 45 Cal.3d 86, 94, the court went on. " +
		"We follow Thompson, supra, 27 Cal.3d at p. 317. Smith v. Jones, 100 F.3d 1 (1st Cir. 1996). See Smith, supra, 200 F.3d at 7. " +
		"[fn1] Nicholson, supra note 1, 184 U.S.App.D.C. 275, 566 F.2d 167. Nicholson, supra note 1, 184 U.S.App.D.C. at 313 n. 22."
	want := []string{"full 27 Cal. 3d 303 pin=310", "full 45 Cal. 3d 86 pin=94", "supra 27 Cal. 3d 303 pin=317",
		"full 100 F.3d 1", "supra 200 F.3d pin=7 unresolved",
		"full 184 U.S. App. D.C. 275", "supra 184 U.S. App. D.C. 275 pin=313 n.22"}
	if got := briefs(text); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	cs := extract.Extract(text)
	if n := cs[5].CaseName; n != "Nicholson" {
		t.Errorf("%q: name %q, want Nicholson", cs[5].Text, n)
	}
}
