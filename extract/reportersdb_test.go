package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const sharedReportersDB = "../../shared/reporters-db/reporters.json"

// A reporters-db file in miniature: a reporter the built-in table lacks,
// one it has under the same abbreviation, and one spelling the table
// knows under another abbreviation.
const smallReportersDB = `{
  "Haw. Dist. Ct. Rep.": [{
    "cite_type": "state",
    "name": "Hawaii District Court Reports (test)",
    "editions": {"Haw. Dist. Ct. Rep.": {"start": "1901-01-01T00:00:00", "end": "1911-12-31T00:00:00"}},
    "variations": {"H.D.C.R.": "Haw. Dist. Ct. Rep.", "": "Haw. Dist. Ct. Rep."}
  }],
  "Ark.": [{
    "cite_type": "neutral",
    "name": "Arkansas neutral",
    "editions": {"Ark.": {"start": "2009-01-01T00:00:00", "end": null}},
    "variations": {"Ark. Sup. Ct.": "Ark."}
  }],
  "Wn. 2d": [{
    "cite_type": "state",
    "name": "Washington Reports",
    "editions": {"Wn. 2d": {"start": "1939-01-01T00:00:00", "end": null}},
    "variations": {"Wash.2d Rep.": "Wn. 2d"}
  }],
  "Test LEXIS": [{
    "cite_type": "specialty_lexis",
    "name": "Test Lexis",
    "editions": {"Test LEXIS": {"start": null, "end": null}}
  }]
}`

func TestLoadReportersDBSmall(t *testing.T) {
	tab := DefaultReporters()
	n := tab.Len()
	if err := tab.LoadReportersDB(strings.NewReader(smallReportersDB)); err != nil {
		t.Fatal(err)
	}
	if tab.Len() != n+2 {
		t.Errorf("Len = %d after load, want %d (two new reporters)", tab.Len(), n+2)
	}
	r := tab.Find("H. D. C. R.")
	if r == nil || r.Abbrev != "Haw. Dist. Ct. Rep." || r.Type != CaseReporter || r.Start != 1901 || r.End != 1911 {
		t.Errorf("new reporter: Find(H.D.C.R.) = %+v", r)
	}
	// The built-in Arkansas Reports keep their type and court and gain
	// the file's spelling.
	if r := tab.Find("Ark. Sup. Ct."); r == nil || r.Abbrev != "Ark." || r.Type != CaseReporter || r.Court != "ark" {
		t.Errorf("Find(Ark. Sup. Ct.) = %+v, want the built-in Ark.", r)
	}
	// "Wn. 2d" is the built-in Wash. 2d: no second reporter, its spelling
	// is added there.
	if r := tab.Find("Wash.2d Rep."); r == nil || r.Abbrev != "Wash. 2d" {
		t.Errorf("Find(Wash.2d Rep.) = %+v, want Wash. 2d", r)
	}
	if r := tab.Find("Test LEXIS"); r == nil || r.Type != Database || r.Start != 0 {
		t.Errorf("Find(Test LEXIS) = %+v, want a database reporter with open years", r)
	}
}

func TestLoadReportersDBDeterministic(t *testing.T) {
	data, err := os.ReadFile(sharedReportersDB)
	if os.IsNotExist(err) {
		t.Skipf("%s absent: reporters-db not available", sharedReportersDB)
	}
	if err != nil {
		t.Fatal(err)
	}
	snapshot := func() []Reporter {
		tab := DefaultReporters()
		if err := tab.LoadReportersDB(strings.NewReader(string(data))); err != nil {
			t.Fatal(err)
		}
		var out []Reporter
		for _, r := range tab.All() {
			out = append(out, *r)
		}
		return out
	}
	if a, b := snapshot(), snapshot(); !reflect.DeepEqual(a, b) {
		t.Error("two loads of the same file give different tables")
	}
}

func TestLoadReportersDBFileReal(t *testing.T) {
	db := readReportersDB(t)
	tab := DefaultReporters()
	builtin := tab.Len()
	// Every spelling of the file the built-in table does not know.
	var absent []string
	for _, reps := range db {
		for _, rep := range reps {
			for abbr := range rep.Editions {
				if tab.Find(abbr) == nil {
					absent = append(absent, abbr)
				}
			}
			for v := range rep.Variations {
				if v = strings.TrimSpace(v); startsAlnum(v) && tab.Find(v) == nil {
					absent = append(absent, v)
				}
			}
		}
	}
	if len(absent) == 0 {
		t.Fatal("the built-in table already knows every reporters-db spelling; the test proves nothing")
	}
	if err := tab.LoadReportersDBFile(sharedReportersDB); err != nil {
		t.Fatal(err)
	}
	t.Logf("reporters-db added %d reporters to the %d built in; %d spellings were new", tab.Len()-builtin, builtin, len(absent))
	if tab.Len() <= builtin {
		t.Errorf("Len = %d after loading, want more than %d", tab.Len(), builtin)
	}
	for _, s := range absent {
		if tab.Find(s) == nil {
			t.Errorf("%q still unknown after loading reporters-db", s)
		}
	}
	// The built-in rows win where both define a reporter.
	if r := tab.Find("U. S."); r == nil || r.Abbrev != "U.S." || r.Court != "scotus" || r.Name != "United States Reports" {
		t.Errorf("Find(U. S.) = %+v after loading, want the built-in row", r)
	}
	if r := tab.Find("Ark."); r == nil || r.Type != CaseReporter {
		t.Errorf("Find(Ark.) = %+v after loading, want the built-in case reporter", r)
	}
}

func TestLoadReportersDBErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "line 1, column 1: unexpected end of JSON input"},
		{"null", "not a reporters-db file"},
		{"[1, 2]", "line 1, column 1: want an object, have array"},
		{`{"A.": {"name": "x"}}`, `line 1, column 8: reporter "A.": want a list, have object`},
		{"{\n  \"A.\": [{\"editions\": 5}]\n}", `line 2, column 23: reporter "A.": editions: want an object, have number`},
		{`{"A.": [{"editions": {"A.": {"start": "18"}}}]}`, `reporter "A." (entry 1): edition "A.": start: bad date "18"`},
		{`{"A.": [{"editions": {"A.": {"start": 1885}}}]}`, `line 1, column 42: reporter "A.": editions.start: want a string, have number`},
		{`{"A.": [{"name": "x"}]}`, `reporter "A." (entry 1): no editions`},
		{`{"A.": [{"editions": {" ": {}}}]}`, `reporter "A." (entry 1): edition with an empty abbreviation`},
		{`{"A.": [{"editions": {"(A.)": {}}}]}`, `reporter "A." (entry 1): edition "(A.)" does not start with a letter or digit`},
		{`{"A.": [{"editions": {"A.": {}}, "variations": {"Atl.": "B."}}]}`, `variation "Atl." names edition "B.", which is not among its editions`},
		{`{"A.": [], "B.": [{]}`, `line 1, column 20: reporter "B.": invalid character ']'`},
		{`{"A.": []} x`, `line 1, column 12: invalid character 'x' after top-level value`},
	} {
		tab := DefaultReporters()
		n := tab.Len()
		err := tab.LoadReportersDB(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("LoadReportersDB(%q) = %v, want error containing %q", c.in, err, c.want)
		}
		if tab.Len() != n {
			t.Errorf("LoadReportersDB(%q) failed but changed the table", c.in)
		}
	}
}

func TestLoadReportersDBFileErrorsNameFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{\n  \"A.\": [{\"editions\": {\"A.\": {\"start\": \"1885-01-01\",}}}]\n}"), 0o644); err != nil {
		t.Fatal(err)
	}
	var tab Reporters
	err := tab.LoadReportersDBFile(bad)
	if err == nil || !strings.HasPrefix(err.Error(), bad+": line 2, column ") || !strings.Contains(err.Error(), "invalid character '}'") {
		t.Errorf("LoadReportersDBFile(bad) = %v, want the file, the position and the fault", err)
	}
	missing := filepath.Join(dir, "missing.json")
	if err := tab.LoadReportersDBFile(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadReportersDBFile(missing) = %v, want an error naming the file", err)
	}
}

func FuzzLoadReportersDB(f *testing.F) {
	f.Add(smallReportersDB)
	f.Add(`{"A.": [{"editions": {"A.": {"start": "1885-01-01T00:00:00", "end": null}}, "variations": {"Atl.": "A."}}]}`)
	f.Add(`{"A.": [{"editions": 5}]}`)
	f.Add(`{"": [{"editions": {"\u2019": {}}}]}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, in string) {
		var tab Reporters
		if err := tab.LoadReportersDB(strings.NewReader(in)); err != nil {
			if err.Error() == "" {
				t.Error("empty error message")
			}
			return
		}
		// Accepted input: every edition it names must now be findable.
		var db map[string][]dbReporter
		if err := json.Unmarshal([]byte(in), &db); err != nil {
			t.Fatalf("loaded input that does not decode: %v", err)
		}
		for _, reps := range db {
			for _, rep := range reps {
				for key := range rep.Editions {
					if abbr := strings.TrimSpace(key); tab.Find(abbr) == nil {
						t.Errorf("edition %q not findable after load", abbr)
					}
				}
			}
		}
	})
}
