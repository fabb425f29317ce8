package extract

import (
	"cmp"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// Court is one court: its CourtListener-style id ("scotus", "ca9", "nysd",
// "cal", "calctapp", "texcrimapp") and the names to show for it.
type Court struct {
	ID string
	// Name is the full name: "Supreme Court of the United States".
	Name string
	// Short is the Bluebook abbreviation, short enough for a graph label:
	// "U.S.", "9th Cir.", "S.D.N.Y.", "Cal.", "Tex. Crim. App.".
	Short string
}

// NormalizeCourt returns the id of the court that s names, or "" when the
// spelling is not known. s may be a citation's court abbreviation ("CA9",
// "9th Cir.", "N.D. Cal.", "Tex. Crim. App."), a full name as document
// metadata writes it ("Supreme Court of United States", "Court of Appeals
// of Indiana.") or an id ("scotus"). Case, periods, commas, apostrophes,
// hyphens, white space and the word "the" never matter, "&" reads as
// "and" and "2nd"/"3rd" as "2d"/"3d". Words are not expanded ("Ct." is
// not "Court"): the table lists every form in use, which keeps a guess
// from joining two courts. A full name may be followed by the
// part of the court that decided the case ("Court of Appeal of
// California, First District, Division Two"); an abbreviation must match
// whole, so that an unknown "Tex. Bus. Ct." is not taken for "Tex.", the
// Supreme Court of Texas.
func NormalizeCourt(s string) string {
	t := courtTable()
	words := courtWords(s)
	if len(words) == 0 {
		return ""
	}
	var key []byte
	best := ""
	for i, w := range words {
		key = append(key, w...)
		if i == len(words)-1 {
			if id, ok := t.exact[string(key)]; ok {
				return id
			}
		} else if id, ok := t.prefix[string(key)]; ok {
			best = id
		}
	}
	return best
}

// NormalizeDistrictCourt is NormalizeCourt for the court of a citation to
// a reporter of federal trial courts (F. Supp., F.R.D.). There the Supreme
// Court names the district of a one-district state by the state alone,
// "(Mass. 1990)", "(DC 1990)", which elsewhere would be the state's own
// court: a spelling that reads as a district court once "D." is put in
// front of it is taken as that district court.
func NormalizeDistrictCourt(s string) string {
	if id := NormalizeCourt("D. " + s); id != "" {
		return id
	}
	return NormalizeCourt(s)
}

// courtOf returns the id of the court of a citation to reporter r whose
// parenthetical names the court as written ("" when it names none).
func courtOf(written string, r *Reporter) string {
	switch {
	case written == "" && r.Court == DistrictCourts:
		return ""
	case written == "":
		return reporterCourt(r.Court)
	case r.Court == DistrictCourts:
		return NormalizeDistrictCourt(written)
	}
	return NormalizeCourt(written)
}

// reporterCourts remembers the id courtOf gives each reporter's court:
// most citations name no court but their reporter's, and normalizing its
// name again for each took 2% of extract --jobs 1 on the Supreme Court
// set. The names are few, one a reporter at most.
var reporterCourts = struct {
	sync.RWMutex
	ids map[string]string
}{ids: map[string]string{}}

// reporterCourt is the court of a reporter of court name: its id, or the
// name when it is no court the table knows.
func reporterCourt(name string) string {
	reporterCourts.RLock()
	id, ok := reporterCourts.ids[name]
	reporterCourts.RUnlock()
	if !ok {
		id = cmp.Or(NormalizeCourt(name), name)
		reporterCourts.Lock()
		reporterCourts.ids[name] = id
		reporterCourts.Unlock()
	}
	return id
}

// LookupCourt returns the court with the given id.
func LookupCourt(id string) (Court, bool) {
	c, ok := courtTable().byID[id]
	return c, ok
}

//go:embed courts.tsv
var builtinCourts string

// courts is a court table indexed by folded spelling.
type courts struct {
	byID map[string]Court
	// exact maps every folded spelling to its court's id; prefix holds
	// the spellings that may be followed by a qualifier.
	exact, prefix map[string]string
}

// courtTable parses the built-in table once, on first use: most runs
// never look at courts, and the maps hold some five thousand spellings.
var courtTable = sync.OnceValue(func() *courts {
	t, err := parseCourts(builtinCourts)
	if err != nil {
		// The embedded table is checked by the tests; failing here means
		// the binary was built from a broken tree.
		panic("extract: built-in court table: " + err.Error())
	}
	return t
})

// parseCourts reads a court table: one court a line, tab-separated
//
//	id  short  name  spellings  prefixes
//
// where spellings and prefixes are "|"-separated lists or "-". The id,
// the short form and every spelling are matched whole; the name and the
// prefixes also when followed by more words. Blank lines and lines
// starting with "#" are ignored. A spelling that folds to the same key
// as another court's is an error: the table could not say which court
// it names.
func parseCourts(src string) (*courts, error) {
	t := &courts{byID: map[string]Court{}, exact: map[string]string{}, prefix: map[string]string{}}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := t.addLine(line); err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	return t, nil
}

func (t *courts) addLine(line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 5 {
		return fmt.Errorf("want 5 tab-separated columns, have %d", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	c := Court{ID: f[0], Short: f[1], Name: f[2]}
	if c.ID == "" || c.Short == "" || c.Name == "" {
		return fmt.Errorf("id, short form and name must not be empty")
	}
	if _, dup := t.byID[c.ID]; dup {
		return fmt.Errorf("%s: id listed twice", c.ID)
	}
	t.byID[c.ID] = c
	whole := append([]string{c.ID, c.Short}, splitList(f[3])...)
	for _, s := range whole {
		if err := t.addSpelling(c.ID, s, false); err != nil {
			return err
		}
	}
	for _, s := range append([]string{c.Name}, splitList(f[4])...) {
		if err := t.addSpelling(c.ID, s, true); err != nil {
			return err
		}
	}
	return nil
}

func (t *courts) addSpelling(id, s string, prefix bool) error {
	key := strings.Join(courtWords(s), "")
	if key == "" {
		return fmt.Errorf("%s: spelling %q has no letters or digits", id, s)
	}
	if other, ok := t.exact[key]; ok && other != id {
		return fmt.Errorf("%s: spelling %q already names %s", id, s, other)
	}
	t.exact[key] = id
	if prefix {
		t.prefix[key] = id
	}
	return nil
}

// splitList splits a "|"-separated column; "-" is the empty list.
func splitList(col string) []string {
	if col == "-" || col == "" {
		return nil
	}
	var out []string
	for s := range strings.SplitSeq(col, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// maxCourtWords bounds the words of a spelling that are looked at: the
// longest court name has about twenty, and a bound keeps arbitrary text
// from costing time quadratic in its length.
const maxCourtWords = 40

// courtWords folds a court spelling to its words: lower case, with
// apostrophes removed ("Dep't" is "dept"), "&" read as "and", "2nd" and
// "3rd" as "2d" and "3d", the word "the" dropped, and everything that is
// not a letter or digit separating words. Joined without spaces, the
// words are the spelling's key, so "S.D.N.Y.", "SDNY" and "S. D. N. Y."
// meet; kept apart, they are where a qualifier may begin.
func courtWords(s string) []string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() == 0 {
			return
		}
		word := bluebookOrdinal(w.String())
		w.Reset()
		if word != "the" {
			words = append(words, word)
		}
	}
	for _, r := range s {
		if len(words) > maxCourtWords {
			break
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			// Inside a word: "Dep't", "Workers'".
		case r == '&':
			flush()
			words = append(words, "and")
		default:
			flush()
		}
	}
	flush()
	return words
}

// bluebookOrdinal rewrites "2nd" and "3rd" (and "22nd", "103rd") in the
// Bluebook's "2d" and "3d" form; other words are returned as they are.
func bluebookOrdinal(w string) string {
	n := len(w)
	if n < 3 || !isDigit(w[n-3]) || (w[n-2:] != "nd" && w[n-2:] != "rd") {
		return w
	}
	for i := 0; i < n-2; i++ {
		if !isDigit(w[i]) {
			return w
		}
	}
	return w[:n-2] + "d"
}
