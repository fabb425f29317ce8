package extract

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// tableRows parses the embedded table line by line, so that the tests see
// every row as written, before Add merges anything away.
func tableRows(t *testing.T) []Reporter {
	t.Helper()
	var rows []Reporter
	for n, line := range strings.Split(builtinTable, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := parseReporterLine(strings.TrimRight(line, "\r"))
		if err != nil {
			t.Fatalf("reporters.tsv line %d: %v", n+1, err)
		}
		rows = append(rows, r)
	}
	return rows
}

func TestBuiltinTableRows(t *testing.T) {
	rows := tableRows(t)
	tab := DefaultReporters()
	if tab.Len() != len(rows) {
		t.Errorf("DefaultReporters has %d reporters, the file %d rows: two rows share an abbreviation", tab.Len(), len(rows))
	}
	courtID := regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	for _, r := range rows {
		if r.Type < CaseReporter || r.Type > Topical {
			t.Errorf("%s: type %d", r.Abbrev, r.Type)
		}
		if r.Name == "" {
			t.Errorf("%s: no name", r.Abbrev)
		}
		if r.Court != "" && !courtID.MatchString(r.Court) {
			t.Errorf("%s: court %q is not a court id", r.Abbrev, r.Court)
		}
		for _, y := range []int{r.Start, r.End} {
			if y != 0 && (y < 1600 || y > 2100) {
				t.Errorf("%s: year %d out of range", r.Abbrev, y)
			}
		}
		if r.Start != 0 && r.End != 0 && r.End < r.Start {
			t.Errorf("%s: ends %d before it starts %d", r.Abbrev, r.End, r.Start)
		}
		if got := tab.Lookup(r.Abbrev); got == nil || got.Type != r.Type {
			t.Errorf("Lookup(%q) = %v", r.Abbrev, got)
		}
	}
}

// Words that introduce or stand for citations in running text; a reporter
// spelled like one of them would turn them into false citations.
var citationWords = map[string]bool{
	"Id.": true, "Id": true, "Ibid.": true, "Ibid": true, "See": true, "Cf.": true,
	"Supra": true, "Infra": true, "Ante": true, "Post": true, "At": true, "In": true,
	"The": true, "And": true, "No.": true, "Nos.": true, "Note": true,
	"Part": true, "Page": true, "Vol.": true, "Art.": true, "Ch.": true, "Sec.": true,
}

func TestBuiltinSpellingsAreSafe(t *testing.T) {
	for _, r := range tableRows(t) {
		for _, s := range append([]string{r.Abbrev}, r.Variants...) {
			first, _ := firstRune(s)
			if !unicode.IsUpper(first) {
				// Every reporter abbreviation starts with a capital; a
				// lower-case one could match ordinary words ("at", "n").
				t.Errorf("%s: spelling %q does not start with a capital letter", r.Abbrev, s)
			}
			if citationWords[s] {
				t.Errorf("%s: spelling %q is a word of citation text", r.Abbrev, s)
			}
			if strings.ContainsAny(s, "\t|") {
				t.Errorf("%s: spelling %q holds a separator", r.Abbrev, s)
			}
		}
	}
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// TestBuiltinSpellingsUnique catches a spelling given to two reporters (the
// trie would silently keep the first) and spellings that repeat another of
// the same row once white space is ignored.
func TestBuiltinSpellingsUnique(t *testing.T) {
	owner := map[string]string{}
	for _, r := range tableRows(t) {
		for _, s := range append([]string{r.Abbrev}, r.Variants...) {
			k := string(normalizeKey(s))
			switch prev, ok := owner[k]; {
			case !ok:
				owner[k] = r.Abbrev
			case prev == r.Abbrev:
				t.Errorf("%s: spelling %q repeats another of the same row", r.Abbrev, s)
			default:
				t.Errorf("spelling %q belongs to both %s and %s", s, prev, r.Abbrev)
			}
		}
	}
}

func TestFindSpellings(t *testing.T) {
	tab := DefaultReporters()
	for spelling, want := range map[string]string{
		"U. S.":            "U.S.",
		"US":               "U.S.",
		"U.S":              "U.S.",
		"F. 3d":            "F.3d",
		"F3d":              "F.3d",
		"F.2d":             "F.2d",
		"F. Supp. 2d":      "F. Supp. 2d",
		"S.Ct.":            "S. Ct.",
		"L.Ed.2d":          "L. Ed. 2d",
		"L. Ed. 2d":        "L. Ed. 2d",
		"Fed. Appx.":       "F. App'x",
		"F. App\u2019x":    "F. App'x",
		"Fed.\u00a0Appx.":  "F. App'x",
		"Wall":             "Wall.",
		"So.2d":            "So. 2d",
		"N. E. 2d":         "N.E.2d",
		"Cal. App. 4th":    "Cal. App. 4th",
		"Wn. App.":         "Wash. App.",
		"U.S. Dist. LEXIS": "U.S. Dist. LEXIS",
		"WL":               "WL",
		"IL App (1st)":     "IL App",
		"NMSC":             "NMSC",
		"U.S.C.":           "U.S.C.",
		"Fed. Reg.":        "Fed. Reg.",
	} {
		got := tab.Find(spelling)
		if got == nil {
			t.Errorf("Find(%q) = nil, want %s", spelling, want)
			continue
		}
		if got.Abbrev != want {
			t.Errorf("Find(%q) = %s, want %s", spelling, got.Abbrev, want)
		}
	}
	for _, s := range []string{"at", "Id.", "n.", "USA", "F.3", "U.S.C.X", "See"} {
		if got := tab.Find(s); got != nil {
			t.Errorf("Find(%q) = %s, want nil", s, got.Abbrev)
		}
	}
}

// reporterInCite takes the reporter out of a citation as CourtListener
// marked it: "415 U. S. 651, 674", "4 Wash. C. C., at 380", and the early
// form "83 U.S. (16 Wall.) 36" (whose first reporter is the one named).
var reporterInCite = regexp.MustCompile(`^\d+ ([A-Za-z][^,*()]*?)(?: \(\d+ [^)]+\))?(?:,? at(?: pp?\.| pages?)?|,)? \d+`)

// coverage counts how many reporter spellings of cites the table finds,
// and which spellings it misses; with a second table (the built-in one
// plus reporters-db), which of the missed spellings that one knows.
type coverage struct {
	found, total int
	missed       map[string]int
	db           *Reporters
	dbFound      int
}

func (c *coverage) add(tab *Reporters, cite string) {
	m := reporterInCite.FindStringSubmatch(cite)
	if m == nil {
		return
	}
	c.total++
	if tab.Find(m[1]) != nil {
		c.found++
		return
	}
	if c.db != nil && c.db.Find(m[1]) != nil {
		c.dbFound++
	}
	if c.missed == nil {
		c.missed = map[string]int{}
	}
	c.missed[m[1]]++
}

func (c *coverage) share() float64 {
	if c.total == 0 {
		return 0
	}
	return float64(c.found) / float64(c.total)
}

func (c *coverage) missedList() string {
	keys := make([]string, 0, len(c.missed))
	for k := range c.missed {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if c.missed[keys[i]] != c.missed[keys[j]] {
			return c.missed[keys[i]] > c.missed[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %q×%d", k, c.missed[k])
	}
	return b.String()
}

// eachJSONLine decodes every line of a JSON-lines file into a fresh v.
func eachJSONLine[T any](t *testing.T, path string, fn func(T)) {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent: shared corpus not available", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		fn(v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestGroundTruthReporterCoverage checks the table against the reporters
// CourtListener linked in the Supreme Court corpus: every case it resolved
// is cited through a reporter the table must know.
func TestGroundTruthReporterCoverage(t *testing.T) {
	type doc struct {
		Citations []struct {
			Text     string `json:"text"`
			Resolved bool   `json:"resolved"`
		} `json:"citations"`
	}
	tab := DefaultReporters()
	c := coverage{db: tableWithDB(t)}
	eachJSONLine(t, "../../shared/corpus/scotus/groundtruth.jsonl", func(d doc) {
		for _, cite := range d.Citations {
			if cite.Resolved {
				c.add(tab, cite.Text)
			}
		}
	})
	t.Logf("scotus ground truth: %d of %d resolved citations (%.3f%%) use a known reporter spelling", c.found, c.total, 100*c.share())
	if len(c.missed) > 0 {
		t.Logf("missed (reporters-db knows %d of the %d):%s", c.dbFound, c.total-c.found, c.missedList())
	}
	if c.total == 0 || c.share() < 0.995 {
		t.Errorf("coverage %.3f%% is below 99.5%%", 100*c.share())
	}
}

// TestStatesReporterCoverage does the same for the cross references of the
// state-court corpus, which the publisher marked by hand; they include
// statutes and bare pins, which the pattern leaves out.
func TestStatesReporterCoverage(t *testing.T) {
	type doc struct {
		Refs []struct {
			Text     string `json:"text"`
			CaseLike bool   `json:"case_like"`
		} `json:"cross_references"`
	}
	tab := DefaultReporters()
	c := coverage{db: tableWithDB(t)}
	eachJSONLine(t, "../../shared/corpus/states/groundtruth.jsonl", func(d doc) {
		for _, ref := range d.Refs {
			if ref.CaseLike {
				c.add(tab, ref.Text)
			}
		}
	})
	t.Logf("states ground truth: %d of %d case-like cross references (%.3f%%) use a known reporter spelling", c.found, c.total, 100*c.share())
	if len(c.missed) > 0 {
		t.Logf("missed (reporters-db knows %d of the %d):%s", c.dbFound, c.total-c.found, c.missedList())
	}
	if c.total == 0 || c.share() < 0.99 {
		t.Errorf("coverage %.3f%% is below 99%%", 100*c.share())
	}
}

// tableWithDB returns the built-in table with reporters-db added, or nil
// when the shared copy is absent.
func tableWithDB(t *testing.T) *Reporters {
	t.Helper()
	tab := DefaultReporters()
	if err := tab.LoadReportersDBFile(sharedReportersDB); os.IsNotExist(errors.Unwrap(err)) {
		return nil
	} else if err != nil {
		t.Fatal(err)
	}
	return tab
}

// readReportersDB decodes the shared copy of reporters-db, skipping the
// test when it is absent.
func readReportersDB(t *testing.T) map[string][]dbReporter {
	t.Helper()
	const path = sharedReportersDB
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent: reporters-db not available", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var db map[string][]dbReporter
	if err := json.Unmarshal(data, &db); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return db
}

// TestReportersDBCoverage compares the built-in table with reporters-db,
// by reporters-db's cite_type: how many of its editions and variations
// the table knows; with -v, every one it does not, with the edition's
// years. It is a measurement (reporters-db also lists hundreds of
// nominative reporters no longer cited, and spellings the table leaves out
// on purpose), except for the current reporters: every edition of a state,
// regional, federal or neutral reporter still published must be in the
// table, or in currentLeftOut with the reason.
func TestReportersDBCoverage(t *testing.T) {
	db := readReportersDB(t)
	tab := DefaultReporters()
	type tally struct{ eds, vars coverage }
	byType := map[string]*tally{}
	var missingEds, missingVars []string
	for _, key := range sortedKeys(db) {
		for _, rep := range db[key] {
			tl := byType[rep.CiteType]
			if tl == nil {
				tl = &tally{}
				byType[rep.CiteType] = tl
			}
			for _, abbr := range sortedKeys(rep.Editions) {
				tl.eds.add(tab, "1 "+abbr+" 1")
				if tab.Find(abbr) != nil {
					continue
				}
				e := rep.Editions[abbr]
				start, _ := dbYear(e.Start)
				end, _ := dbYear(e.End)
				missingEds = append(missingEds, fmt.Sprintf("%q %s %d-%d %s", abbr, rep.CiteType, start, end, rep.Name))
				if currentDBType[rep.CiteType] && current(start, end) && currentLeftOut[abbr] == "" {
					t.Errorf("reporters-db's current %s reporter %q (%s, %d-) is not in the table", rep.CiteType, abbr, rep.Name, start)
				}
			}
			for _, v := range sortedKeys(rep.Variations) {
				tl.vars.add(tab, "1 "+v+" 1")
				if tab.Find(v) == nil {
					missingVars = append(missingVars, fmt.Sprintf("%q (%s)", v, rep.Variations[v]))
				}
			}
		}
	}
	var all tally
	for _, typ := range sortedKeys(byType) {
		tl := byType[typ]
		t.Logf("%-16s editions %4d of %4d (%5.1f%%), variations %4d of %4d (%5.1f%%)", typ,
			tl.eds.found, tl.eds.total, 100*tl.eds.share(), tl.vars.found, tl.vars.total, 100*tl.vars.share())
		all.eds.found, all.eds.total = all.eds.found+tl.eds.found, all.eds.total+tl.eds.total
		all.vars.found, all.vars.total = all.vars.found+tl.vars.found, all.vars.total+tl.vars.total
	}
	t.Logf("reporters-db: the table finds %d of %d editions (%.1f%%), %d of %d variations (%.1f%%)",
		all.eds.found, all.eds.total, 100*all.eds.share(), all.vars.found, all.vars.total, 100*all.vars.share())
	if testing.Verbose() {
		t.Logf("editions not in the table:\n\t%s", strings.Join(missingEds, "\n\t"))
		t.Logf("variations not in the table (edition):\n\t%s", strings.Join(missingVars, "\n\t"))
	}
}

// currentDBType are the reporters-db cite_types of reporters of the courts
// themselves, as opposed to topical and vendor reporters.
var currentDBType = map[string]bool{"state": true, "state_regional": true, "federal": true, "neutral": true}

// current reports whether a reporters-db edition of those years is still
// published, or was until this century. reporters-db writes an unknown
// start as 1750 and leaves the end of such editions open: those are old
// reporters whose dates it lacks, not current ones.
func current(start, end int) bool {
	if end == 0 {
		return start > 1750
	}
	return end >= 2000
}

// currentLeftOut are the current court reporters of reporters-db that the
// table leaves out on purpose, with the reason.
var currentLeftOut = map[string]string{
	"Ala. 2d": "no such series: the Alabama Reports ended in 1976 (volume 295); later Alabama cases are cited to So. 2d",
	"SCDB":    "the Supreme Court Database's case id, not a citation",
	"NM":      "New Mexico's public-domain citations are NMSC and NMCA (\"2009-NMSC-006\"); \"NM\" alone names no court",
	"Fed. Carr. Cas. (CCH)": "cited by paragraph with a volume of year and part (\"1984-1 Fed. Carr. Cas. (CCH) ¶ 83,138\"), " +
		"a form the scanner does not read",
	"T.C. Memo.":           "the reporter comes before the year and number (\"T.C. Memo. 2010-123\"), a form the scanner does not read",
	"T.C. Summary Opinion": "the reporter comes before the year and number (\"T.C. Summary Opinion 2010-12\"), see T.C. Memo.",
}

// TestTableCitationForms reads citations written with spellings the table
// gained from the comparison with reporters-db and the shared corpora, each
// kind with an example from the corpora and one of our own: the parallel
// must come out as a parallel (not as a pin), the reporter as the table's.
func TestTableCitationForms(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // first full citation: "ref [parallels] pin=…"
	}{
		// A year for volume: the Connecticut Superior Court's own pages.
		{"Doe v. Roe, 2002 Ct. Sup. 8151, 32 CLR 488 (2002).", "2002 Conn. Super. Ct. 8151 [32 Conn. L. Rptr. 488]"},
		{"Smith v. Avon, 1995 Ct.Sup. 4410, 14 CLR 120.", "1995 Conn. Super. Ct. 4410 [14 Conn. L. Rptr. 120]"},
		// Montana's State Reporter as the last parallel, with its own pin.
		{"State v. Hamilton (1980), 185 Mont. 522, 605 P.2d 1121, 37 St.Rep. 70.", "185 Mont. 522 [605 P.2d 1121 37 State Rptr. 70]"},
		{"Doe v. Roe, 2008 MT 23, 341 Mont. 240, 176 P.3d 1005, 65 St. Rep. 1, 4.", "2008 MT 23 [341 Mont. 240 176 P.3d 1005 65 State Rptr. 1]"},
		// The state in parentheses after a nominative reporter.
		{"Banks v. Farwell, 21 Pick. (Mass.) 156 (1839).", "21 Pick. 156"},
		{"Doe v. Roe, 4 Cush. (Mass.) 12, 15.", "4 Cush. 12 pin=15"},
		// A stray period after the series.
		{"Brotherhood v. United States, 411 F. 2d. 312, 319 (CA5 1969).", "411 F.2d 312 pin=319"},
		{"Roe v. Doe, 100 S.W.3d. 200 (Tex. 2003).", "100 S.W.3d 200"},
		// The Circuit Courts of Appeals Reports as the parallel of F.
		{"Schodde v. Twin Falls Land & Water Co., 161 F. 43, 88 C.C.A. 207.", "161 F. 43 [88 C.C.A. 207]"},
		{"Doe v. Roe, 200 F. 10, 118 C. C. A. 300 (CA8 1912).", "200 F. 10 [118 C.C.A. 300]"},
		// Washington Reports, Third Series, as Washington writes it.
		{"State v. Doe, 1 Wn.3d 100, 520 P.3d 1 (2023).", "1 Wash. 3d 100 [520 P.3d 1]"},
		// Public-domain citations of a commission and a new court.
		{"Loy v. Alcoa, 2000 AWCC 49.", "2000 AWCC 49"},
		{"Roe v. Doe, 2025 Tex. Bus. 28, ¶ 12.", "2025 Tex. Bus. 28 pin=¶ 12"},
	} {
		var got string
		for _, cite := range Extract(c.text) {
			if cite.Kind != Full {
				continue
			}
			got = cite.Ref.String()
			if len(cite.Parallel) > 0 {
				var ps []string
				for _, p := range cite.Parallel {
					ps = append(ps, p.String())
				}
				got += " [" + strings.Join(ps, " ") + "]"
			}
			if cite.Pin != "" {
				got += " pin=" + cite.Pin
			}
			break
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
	// Spellings left out on purpose stay out of citations: a street
	// address, a statute's regnal year, Oklahoma's statutes, a Michigan
	// act inside a case name.
	for _, text := range []string{
		"The office, 1200 NW 17 Avenue, Miami.",
		"by the statute of 8 Will. 3, c. 11",
		"under 59 O.S. 1961 § 12",
		"Advisory Opinion re Constitutionality of 1972 PA 294, 389 Mich. 441, 481 (1973)",
	} {
		for _, cite := range Extract(text) {
			if cite.Kind == Full && cite.Reporter != "Mich." {
				t.Errorf("%q: read %s %q as a case citation", text, cite.Ref, cite.Text)
			}
		}
	}
}
