package extract

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"html"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestCourtTableParses(t *testing.T) {
	tab, err := parseCourts(builtinCourts)
	if err != nil {
		t.Fatal(err)
	}
	spellings := len(tab.exact)
	t.Logf("%d courts, %d distinct spellings (%d usable as prefixes)", len(tab.byID), spellings, len(tab.prefix))
	if len(tab.byID) < 400 {
		t.Errorf("only %d courts", len(tab.byID))
	}
	// Every court is found by its own id, short form and name.
	for id, c := range tab.byID {
		for _, s := range []string{c.ID, c.Short, c.Name, strings.ToUpper(c.Name) + "."} {
			if got := NormalizeCourt(s); got != id {
				t.Errorf("NormalizeCourt(%q) = %q, want %q", s, got, id)
			}
		}
		if got, ok := LookupCourt(id); !ok || got != c {
			t.Errorf("LookupCourt(%q) = %+v, %v", id, got, ok)
		}
	}
}

func TestCourtTableErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"columns", "ca9\t9th Cir.\tNinth Circuit\t-", "line 1: want 5 tab-separated columns, have 4"},
		{"empty", "# c\n\nca9\t\tNinth Circuit\t-\t-", "line 3: id, short form and name must not be empty"},
		{"duplicate id", "ca9\t9th Cir.\tNinth\t-\t-\nca9\tCA9\tNinth Circuit\t-\t-", "line 2: ca9: id listed twice"},
		{"two courts", "ca9\t9th Cir.\tNinth\t-\t-\nca2\t2d Cir.\tSecond\tC.A. 9th Cir.|9TH CIR\t-", `line 2: ca2: spelling "9TH CIR" already names ca9`},
		{"ordinals meet", "ca2\t2d Cir.\tSecond\t-\t-\nx\t2nd Cir\tX\t-\t-", `line 2: x: spelling "2nd Cir" already names ca2`},
		{"no letters", "ca9\t9th Cir.\tNinth\t...\t-", `line 1: ca9: spelling "..." has no letters or digits`},
	} {
		_, err := parseCourts(tc.src)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestNormalizeCourt(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Parentheticals, Bluebook and Supreme Court styles.
		{"CA9", "ca9"}, {"C.A.9", "ca9"}, {"CA 9", "ca9"}, {"9 Cir.", "ca9"}, {"9th Cir.", "ca9"},
		{"9th Cir", "ca9"}, {"Ninth Circuit", "ca9"}, {"C. A. 9th Cir.", "ca9"}, {"C.C.A. 9th Cir.", "ca9"},
		{"2d Cir.", "ca2"}, {"2nd Cir.", "ca2"}, {"2 Cir.", "ca2"}, {"C. A. 2d Cir.", "ca2"}, {"3rd Cir.", "ca3"},
		{"C. A. 4,", "ca4"}, {"11th Cir.", "ca11"}, {"CA11", "ca11"}, {"CA1", "ca1"}, {"CA10", "ca10"},
		{"D.C. Cir.", "cadc"}, {"D.C.Cir.", "cadc"}, {"CADC", "cadc"}, {"C.A.D.C.", "cadc"},
		{"Fed. Cir.", "cafc"}, {"CA Fed.", "cafc"}, {"CAFC", "cafc"},
		{"S.D.N.Y.", "nysd"}, {"SDNY", "nysd"}, {"S. D. N. Y.", "nysd"}, {"D. C. S. D. N. Y.", "nysd"},
		{"N.D. Cal.", "cand"}, {"ND Cal.", "cand"}, {"N.D.Cal.", "cand"}, {"D. Mass.", "mad"}, {"D.Mass.", "mad"},
		{"D. C. Mass.", "mad"}, {"D.D.C.", "dcd"}, {"E.D. Va.", "vaed"}, {"D. C. E. D. Va.", "vaed"},
		{"S.D. Tex.", "txsd"}, {"N.D. Ill.", "ilnd"}, {"W.D. Pa.", "pawd"}, {"D.N.J.", "njd"}, {"D. Me.", "med"},
		{"D.Maine", "med"}, {"N.D. W. Va.", "wvnd"}, {"W.D. Va.", "vawd"}, {"D.P.R.", "prd"}, {"D. Ariz.", "azd"},
		{"Bankr. S.D.N.Y.", "nysb"}, {"Bkrtcy. Ct. Mont.", "mtb"}, {"Bankr. D. Ariz.", "arb"}, {"Bankr. D. Neb.", "nebraskab"},
		{"C.C.D. Pa.", "circtpennsylvaniad"}, {"C. C. D. Kan.", "circtksd"}, {"C.C.S.D.N.Y.", "circtnysd"},
		{"CC ED Pa.", "circtpaed"}, {"Cir. Ct. D. Cal.", "circtcaliforniad"}, {"D. Cal.", "californiad"},
		{"Fed. Cl.", "uscfc"}, {"Ct. Cl.", "cc"}, {"T.C.", "tax"}, {"Ct. Int'l Trade", "cit"}, {"CIT", "cit"},
		{"Vet. App.", "cavc"}, {"C.A.A.F.", "armfor"}, {"Ct. Mil. App.", "armfor"}, {"C.M.A.", "armfor"},
		{"A. F. C. M. R.", "afcca"}, {"C.C.P.A.", "ccpa"}, {"B.T.A.", "bta"},
		{"Cal.", "cal"}, {"Cal. Ct. App.", "calctapp"}, {"Cal. App.", "calctapp"}, {"N.Y.", "ny"},
		{"N. Y.", "ny"}, {"N.Y. App. Div.", "nyappdiv"}, {"2d Dep't", "nyappdiv"}, {"N.Y. Sup. Ct.", "nysupct"},
		{"Tex.", "tex"}, {"Tex. Crim. App.", "texcrimapp"}, {"Tex. App.", "texapp"}, {"Tex. Civ. App.", "texapp"},
		{"Tex. App.—Houston [14th Dist.]", "texapp"}, {"Ill.", "ill"}, {"Ill. App. Ct.", "illappct"},
		{"Ill. App. Ct. 1st Dist.", "illappct"}, {"Pa.", "pa"}, {"Pa. Super. Ct.", "pasuperct"},
		{"Pa. Commw. Ct.", "pacommwct"}, {"Mass.", "mass"}, {"Mass. App. Ct.", "massappct"},
		{"Mass. App. Div.", "massappdiv"}, {"Fla. Dist. Ct. App.", "fladistctapp"}, {"Fla. 3d DCA", "fladistctapp"},
		{"Ala.Cr.App.", "alacrimapp"}, {"Okla. Cr.", "oklacrimapp"}, {"Ky. Ct. App.", "kyctapp"},
		{"W. Va.", "wva"}, {"D.C.", "dc"}, {"Del. Ch.", "delch"}, {"N.J. Super. Ct. App. Div.", "njsuperctappdiv"},
		{"Md. Ct. Spec. App.", "mdctspecapp"}, {"K. B.", "kingsbench"},
		// Metadata names.
		{"Supreme Court of the United States", "scotus"}, {"Supreme Court of United States", "scotus"},
		{"The Supreme Court of the United States.", "scotus"}, {"scotus", "scotus"}, {"SCOTUS", "scotus"},
		{"Supreme Court of Arkansas", "ark"}, {"Court of Appeals of Indiana.", "indctapp"},
		{"United States Bankruptcy Court for the Northern District of Alabama", "alnb"},
		{"United States Court of Appeals for the Ninth Circuit", "ca9"},
		{"United States Court of Appeals, Ninth Circuit.", "ca9"},
		{"Supreme Judicial Court of Massachusetts. Suffolk.", "mass"},
		{"Appellate Division of the Supreme Court of New York, First Department.", "nyappdiv"},
		{"Court of Appeals of the State of New York.", "ny"}, {"Court of Appeals of New York", "ny"},
		{"Court of Appeal of California, First District, Division One.", "calctapp"},
		{"Supreme Court of California. In Bank.", "cal"},
		{"Supreme Court of New Hampshire Hillsborough", "nh"},
		{"The Court of Appeals of Washington, Division Two.", "washctapp"},
		{"Superior Court of New Jersey, Appellate Division.", "njsuperctappdiv"},
		{"Superior Court of New Jersey, Chancery Division.", "njsuperct"},
		{"Court of Civil Appeals of Texas, Austin.", "texapp"},
		{"Connecticut Superior Court, Judicial District of Hartford-New Britain at Hartford", "connsuperct"},
		{"State of Rhode Island, Superior Court. PROVIDENCE, SC.", "risuperct"},
		{"Court of Appeals of Tennessee. at Nashville.", "tennctapp"},
		{"Supreme Court of Appeals of West Virginia.", "wva"},
		{"Court of Special Appeals of Maryland.", "mdctspecapp"}, {"Court of Appeals of Maryland.", "md"},
		{"District Court, S.D. New York", "nysd"}, {"United States District Court for the District of Columbia", "dcd"},
		{"United States Tax Court", "tax"}, {"United States Board of Tax Appeals", "bta"},
		{"Before the Arkansas Workers' Compensation Commission", "arkworkcompcom"},
		{"U.S. Court of Appeals, District of Columbia Circuit", "cadc"},
		{"Court of Appeals of the District of Columbia", "dc"},
		{"Texas Courts of Appeals", "texapp"}, {"Kansas City Court of Appeals, Missouri.", "moctapp"},
		{"Supreme Court of Errors & Appeals", ""},
		// Ambiguous or unknown: no guess.
		{"", ""}, {"  .,; ", ""}, {"Supreme Court", ""}, {"Court of Appeals", ""}, {"Court of Common Pleas", ""},
		{"Workers' Compensation Commission", ""}, {"Court of Errors and Appeals.", ""}, {"Tex. Bus. Ct.", ""},
		{"Cal. Sup.", ""}, {"Ct. App.", ""}, {"1st Dist.", ""}, {"Supp.", ""}, {"J. Cooke ed.", ""},
		{"Supreme Court of Narnia", ""}, {"Court of Claims of Utopia", ""},
	} {
		if got := NormalizeCourt(tc.in); got != tc.want {
			t.Errorf("NormalizeCourt(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeDistrictCourt(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Mass.", "mad"}, {"DC", "dcd"}, {"NJ", "njd"}, {"Ore.", "ord"}, {"PR", "prd"}, {"Haw.", "hid"},
		{"SDNY", "nysd"}, {"D. Mass.", "mad"}, {"ED Pa.", "paed"}, {"D. C. Mass.", "mad"},
		{"Bankr. D. Mass.", "mab"}, {"CA9", "ca9"}, {"Tex. App.", "texapp"}, {"Narnia", ""},
	} {
		if got := NormalizeDistrictCourt(tc.in); got != tc.want {
			t.Errorf("NormalizeDistrictCourt(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFederalDistrictCourts checks that the table has every one of the 94
// federal districts, each with its bankruptcy court.
func TestFederalDistrictCourts(t *testing.T) {
	district := regexp.MustCompile(`^(?:[a-z]{2}|nmi)[nesmwc]?d$`)
	const prefix = "United States District Court for the "
	n := 0
	for id, c := range courtTable().byID {
		if !strings.HasPrefix(c.Name, prefix) || !district.MatchString(id) {
			continue
		}
		n++
		b := NormalizeCourt("Bankr. " + c.Short)
		bc, _ := LookupCourt(b)
		if want := "United States Bankruptcy Court for the " + strings.TrimPrefix(c.Name, prefix); bc.Name != want {
			t.Errorf("%s: bankruptcy court %q is %q, want %q", id, b, bc.Name, want)
		}
	}
	if n != 94 {
		t.Errorf("%d federal district courts, want 94", n)
	}
}

// TestReporterCourtsKnown checks that the court ids of the reporter table
// name courts of this table.
func TestReporterCourtsKnown(t *testing.T) {
	for _, r := range DefaultReporters().All() {
		if r.Court == "" || r.Court == DistrictCourts {
			continue
		}
		id := NormalizeCourt(r.Court)
		switch {
		case id == "":
			t.Errorf("reporter %s: court %q unknown", r.Abbrev, r.Court)
		case id != r.Court:
			t.Logf("reporter %s: court %q is spelled %q here", r.Abbrev, r.Court, id)
		}
	}
}

const sharedCorpus = "../../shared/corpus"

func sharedOrSkip(t *testing.T, path string) string {
	t.Helper()
	p := filepath.Join(sharedCorpus, path)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared corpus not available (%v)", err)
	}
	return p
}

// TestCourtCoverageManifests measures how many of the court names in the
// shared corpus's metadata are recognised, and checks that a recognised
// state court belongs to the state its file comes from.
func TestCourtCoverageManifests(t *testing.T) {
	for _, set := range []string{"states", "cap"} {
		f, err := os.Open(filepath.Join(sharedOrSkip(t, set), "manifest.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s manifest: %v", set, err)
		}
		col := slices.Index(rows[0], "court")
		missed := map[string]int{}
		known, wrongState := 0, 0
		for _, row := range rows[1:] {
			id := NormalizeCourt(row[col])
			if id == "" {
				missed[row[col]]++
				continue
			}
			known++
			if set == "states" {
				c, _ := LookupCourt(id)
				if state := fileState(row[0]); !strings.Contains(strings.ToLower(c.Name), state) {
					wrongState++
					t.Errorf("%s: %q read as %s (%s), not a %s court", row[0], row[col], id, c.Name, state)
				}
			}
		}
		share := float64(known) / float64(len(rows)-1)
		t.Logf("%s: %d of %d court names recognised (%.1f%%); unrecognised: %s", set, known, len(rows)-1, 100*share, topCounts(missed, 10))
		if share < 0.95 {
			t.Errorf("%s: only %.1f%% of court names recognised", set, 100*share)
		}
	}
}

// fileState reads the state from a states/ file name:
// "new_jersey__supreme_court_opinions__07e3….xml" is "new jersey".
func fileState(name string) string {
	name = strings.TrimPrefix(name, "_nodate__")
	if i := strings.Index(name, "__"); i > 0 {
		name = name[:i]
	}
	if i := strings.Index(name, "_court"); i > 0 {
		name = name[:i]
	}
	for _, kind := range []string{"_superior", "_supreme", "_appellate", "_workers", "_miscellaneous", "_tax"} {
		name, _, _ = strings.Cut(name, kind)
	}
	return strings.ReplaceAll(name, "_", " ")
}

// TestCourtCoverageScotus reads the court parentheticals that follow
// citations in a sample of the Supreme Court opinions of the shared
// corpus ("F.2d 123, 125 (CA9 1990)"), takes the court as the extractor
// does, and measures how many of the commonest spellings are recognised.
// Where the reporter says what kind of court it must be (F. Supp. a
// district court, F.2d mostly a court of appeals), it checks the reading.
func TestCourtCoverageScotus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedOrSkip(t, "scotus"), "*.html"))
	if len(files) == 0 {
		t.Skip("no scotus opinions in the shared corpus")
	}
	// volume reporter page [, pin]* (parenthetical)
	cite := regexp.MustCompile(`\b\d+ ([A-Z][A-Za-z0-9. ]{0,24}?) \d+(?:, \d+(?:[-–]\d+)?)*,? \(([^()]{1,80})\)`)
	count := map[string]int{}
	var district, appeals, districtOK, appealsOK int
	misread := map[string]int{}
	sample := 0
	for i, name := range files {
		if i%2 != 0 {
			continue
		}
		sample++
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(html.UnescapeString(stripTags(string(raw)))), " ")
		for _, m := range cite.FindAllStringSubmatch(text, -1) {
			court, _, ok := courtYear(m[2])
			if !ok || court == "" {
				continue
			}
			count[court]++
			switch strings.ReplaceAll(m[1], " ", "") {
			case "F.Supp.", "F.Supp.2d", "F.Supp.3d", "F.R.D.":
				district++
				c, _ := LookupCourt(NormalizeDistrictCourt(court))
				if strings.HasPrefix(c.Name, "United States District Court") {
					districtOK++
				} else {
					misread["F. Supp. ("+court+") as "+c.ID]++
				}
			case "F.2d", "F.3d":
				appeals++
				c, _ := LookupCourt(NormalizeCourt(court))
				if strings.HasPrefix(c.Name, "United States Court of Appeals") {
					appealsOK++
				} else {
					misread["F.2d ("+court+") as "+c.ID]++
				}
			}
		}
	}
	spellings := slices.Collect(maps.Keys(count))
	slices.SortFunc(spellings, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	top := spellings[:min(200, len(spellings))]
	missed := map[string]int{}
	known, knownUses, uses := 0, 0, 0
	for _, s := range top {
		uses += count[s]
		if NormalizeCourt(s) != "" {
			known++
			knownUses += count[s]
		} else {
			missed[s] = count[s]
		}
	}
	t.Logf("%d distinct court spellings after citations in %d opinions; of the commonest %d, %d recognised (%.1f%%), covering %d of their %d uses (%.1f%%)",
		len(spellings), sample, len(top), known, 100*float64(known)/float64(len(top)), knownUses, uses, 100*float64(knownUses)/float64(uses))
	t.Logf("commonest unrecognised: %s", topCounts(missed, 40))
	t.Logf("district courts for F. Supp./F.R.D.: %d of %d; courts of appeals for F.2d/F.3d: %d of %d; otherwise: %s",
		districtOK, district, appealsOK, appeals, topCounts(misread, 20))
	if float64(knownUses) < 0.95*float64(uses) {
		t.Errorf("only %d of %d court parentheticals recognised", knownUses, uses)
	}
	if float64(districtOK) < 0.97*float64(district) || float64(appealsOK) < 0.97*float64(appeals) {
		t.Errorf("courts misread for their reporter: %s", topCounts(misread, 20))
	}
}

// stripTags drops everything between "<" and ">": crude, but enough to
// read the text of an opinion for counting.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return b.String()
		}
		s = s[i+j+1:]
	}
}

// topCounts formats the n commonest keys of m, commonest first.
func topCounts(m map[string]int, n int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(m[b]-m[a], strings.Compare(a, b)) })
	var b strings.Builder
	for i, k := range keys[:min(n, len(keys))] {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q %d", k, m[k])
	}
	return b.String()
}

func FuzzNormalizeCourt(f *testing.F) {
	for _, s := range []string{"CA9", "9th Cir.", "Tex. App.—Houston [14th Dist.]", "Court of Appeal of California, First District",
		"S. D. N. Y.", "Dep't", "2nd", "& the", "\u2019\u00a0", "123rd Cir."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := NormalizeDistrictCourt(s); d != "" {
			if _, ok := LookupCourt(d); !ok {
				t.Fatalf("NormalizeDistrictCourt(%q) = %q, not a court id", s, d)
			}
		}
		id := NormalizeCourt(s)
		if id == "" {
			return
		}
		if _, ok := LookupCourt(id); !ok {
			t.Fatalf("NormalizeCourt(%q) = %q, not a court id", s, id)
		}
		// Periods and a leading "the" never change the reading.
		if again := NormalizeCourt("The " + s + "."); again != id {
			t.Fatalf("NormalizeCourt(%q) = %q but %q with a leading The and a period", s, id, again)
		}
	})
}
