package extract

import (
	"bufio"
	"encoding/json"
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
		if r.Type < CaseReporter || r.Type > SecondarySource {
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
// and which spellings it misses.
type coverage struct {
	found, total int
	missed       map[string]int
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
	var c coverage
	eachJSONLine(t, "../../shared/corpus/scotus/groundtruth.jsonl", func(d doc) {
		for _, cite := range d.Citations {
			if cite.Resolved {
				c.add(tab, cite.Text)
			}
		}
	})
	t.Logf("scotus ground truth: %d of %d resolved citations (%.3f%%) use a known reporter spelling", c.found, c.total, 100*c.share())
	if len(c.missed) > 0 {
		t.Logf("missed:%s", c.missedList())
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
	var c coverage
	eachJSONLine(t, "../../shared/corpus/states/groundtruth.jsonl", func(d doc) {
		for _, ref := range d.Refs {
			if ref.CaseLike {
				c.add(tab, ref.Text)
			}
		}
	})
	t.Logf("states ground truth: %d of %d case-like cross references (%.3f%%) use a known reporter spelling", c.found, c.total, 100*c.share())
	if len(c.missed) > 0 {
		t.Logf("missed:%s", c.missedList())
	}
	if c.total == 0 || c.share() < 0.99 {
		t.Errorf("coverage %.3f%% is below 99%%", 100*c.share())
	}
}

// readReportersDB decodes the shared copy of reporters-db, skipping the
// test when it is absent.
func readReportersDB(t *testing.T) map[string][]dbReporter {
	t.Helper()
	const path = "../../shared/reporters-db/reporters.json"
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

// TestReportersDBCoverage measures how many of reporters-db's reporter
// abbreviations and variations the built-in table knows. It is a
// measurement: reporters-db also lists many reporters no longer cited.
func TestReportersDBCoverage(t *testing.T) {
	tab := DefaultReporters()
	var eds, vars coverage
	for _, reps := range readReportersDB(t) {
		for _, rep := range reps {
			for abbr := range rep.Editions {
				eds.add(tab, "1 "+abbr+" 1")
			}
			for v := range rep.Variations {
				vars.add(tab, "1 "+v+" 1")
			}
		}
	}
	all := coverage{found: eds.found + vars.found, total: eds.total + vars.total}
	t.Logf("reporters-db: table finds %d of %d editions (%.1f%%), %d of %d variations (%.1f%%), %.1f%% of all spellings",
		eds.found, eds.total, 100*eds.share(), vars.found, vars.total, 100*vars.share(), 100*all.share())
	if testing.Verbose() {
		t.Logf("editions not in the table:%s", eds.missedList())
	}
}
