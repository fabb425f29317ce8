package extract

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// CiteType says how citations to a reporter are written and what they
// name.
type CiteType uint8

// The citation types of the reporter table.
const (
	// CaseReporter: "volume reporter page" naming a case (U.S., F.3d, A.2d).
	CaseReporter CiteType = iota + 1
	// Neutral: a public-domain citation "year court-code number", also
	// written with hyphens ("2008-Ohio-1234"); names a case.
	Neutral
	// Database: a vendor database number, "year WL number" or
	// "year U.S. Dist. LEXIS number"; names a case.
	Database
	// Session: a statute or regulation cited by volume and page
	// ("39 Stat. 542", "73 Fed. Reg. 100").
	Session
	// Code: a statute or regulation cited by an optional title and a
	// section ("42 U.S.C. § 1983", "Rev. Stat. § 1979").
	Code
	// SecondarySource: a law review, an annotation or an encyclopedia
	// cited by volume and page ("90 Harv. L. Rev. 1", "45 A.L.R.3d 1234").
	// Such a citation names a case only as the parallel of a case
	// citation: the first A.L.R. series printed the cases it annotated.
	SecondarySource
	// Topical: a reporter that reprints the decisions of many courts on
	// one subject, or a selection of them ("18 Ed. Law Rep. 848", "40
	// U.S.P.Q.2d 1010", "105 Am. St. Rep. 12"). Cited like a case reporter,
	// it is never a case's official citation, so a case is known by any
	// other citation it has.
	Topical
)

var citeTypeNames = [...]string{CaseReporter: "case", Neutral: "neutral", Database: "database", Session: "session",
	Code: "code", SecondarySource: "secondary", Topical: "topical"}

func (t CiteType) String() string {
	if int(t) < len(citeTypeNames) {
		return citeTypeNames[t]
	}
	return ""
}

// IsLaw reports whether citations of this type name statutes rather than
// cases.
func (t CiteType) IsLaw() bool { return t == Session || t == Code }

// IsCaseReporter reports whether citations of this type are a case's
// "volume reporter page": case and topical reporters.
func (t CiteType) IsCaseReporter() bool { return t == CaseReporter || t == Topical }

// Reporter describes one reporter (or code, or database) and every
// spelling of its abbreviation seen in practice.
type Reporter struct {
	// Abbrev is the canonical (Bluebook) abbreviation, e.g. "F.3d".
	Abbrev string
	// Name is the reporter's full name.
	Name string
	Type CiteType
	// Court is the court every case in the reporter comes from, as a
	// CourtListener-style court id ("scotus"), or empty when the reporter
	// covers several courts, or DistrictCourts.
	Court string
	// Start and End are the years of publication; 0 when open or unknown.
	Start, End int
	// Variants are other spellings that mean this reporter ("U. S.",
	// "F. 3d", "Fed. Appx."). Whitespace inside a spelling is never
	// significant: "U. S." and "U.S." match the same text.
	Variants []string
}

// DistrictCourts is the Court of the reporters of the federal district
// courts (F. Supp., F.R.D.): their citations name the district in the
// parenthetical, the Supreme Court naming a one-district state by the
// state alone ("(Mass. 1990)" is the District of Massachusetts).
const DistrictCourts = "district"

// Reporters is a table of reporters, searchable by any spelling. The zero
// value is an empty table; DefaultReporters returns the built-in one.
type Reporters struct {
	list    []*Reporter
	byAbbr  map[string]*Reporter
	matcher trie
}

//go:embed reporters.tsv
var builtinTable string

// DefaultReporters returns a fresh copy of the built-in table, which the
// caller may extend.
func DefaultReporters() *Reporters {
	t, err := ParseReporterTable(builtinTable)
	if err != nil {
		// The embedded table is checked by the tests; failing here means
		// the binary was built from a broken tree.
		panic("extract: built-in reporter table: " + err.Error())
	}
	return t
}

// ParseReporterTable reads a table in the built-in format: one reporter a
// line, tab-separated columns
//
//	abbreviation  type  court  years  name  variants
//
// where type is case, neutral, database, session or code; court is a
// court id or "-"; years is "1875-", "1880-1924" or "-"; variants are
// separated by "|" (or "-" for none). Blank lines and lines starting with
// "#" are ignored.
func ParseReporterTable(src string) (*Reporters, error) {
	t := &Reporters{}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := parseReporterLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		t.Add(r)
	}
	return t, nil
}

func parseReporterLine(line string) (Reporter, error) {
	f := strings.Split(line, "\t")
	if len(f) != 6 {
		return Reporter{}, fmt.Errorf("want 6 tab-separated columns, have %d", len(f))
	}
	r := Reporter{Abbrev: strings.TrimSpace(f[0]), Name: strings.TrimSpace(f[4])}
	if r.Abbrev == "" {
		return r, fmt.Errorf("empty abbreviation")
	}
	typ := -1
	for i, name := range citeTypeNames {
		if name != "" && name == f[1] {
			typ = i
		}
	}
	if typ < 0 {
		return r, fmt.Errorf("%s: unknown type %q", r.Abbrev, f[1])
	}
	r.Type = CiteType(typ)
	if f[2] != "-" {
		r.Court = f[2]
	}
	if f[3] != "-" {
		lo, hi, ok := strings.Cut(f[3], "-")
		var err error
		if r.Start, err = atoiOrZero(lo); err != nil || !ok {
			return r, fmt.Errorf("%s: bad years %q", r.Abbrev, f[3])
		}
		if r.End, err = atoiOrZero(hi); err != nil {
			return r, fmt.Errorf("%s: bad years %q", r.Abbrev, f[3])
		}
	}
	if f[5] != "-" && f[5] != "" {
		for v := range strings.SplitSeq(f[5], "|") {
			if v = strings.TrimSpace(v); v != "" {
				r.Variants = append(r.Variants, v)
			}
		}
	}
	return r, nil
}

func atoiOrZero(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// Add puts a reporter in the table. A reporter whose abbreviation is
// already there gains the new spellings; its other fields are kept.
func (t *Reporters) Add(r Reporter) {
	if t.byAbbr == nil {
		t.byAbbr = make(map[string]*Reporter)
	}
	cur := t.byAbbr[r.Abbrev]
	if cur == nil {
		cp := r
		cp.Variants = nil
		cur = &cp
		t.list = append(t.list, cur)
		t.byAbbr[r.Abbrev] = cur
		t.matcher.insert(r.Abbrev, cur)
	}
	for _, v := range r.Variants {
		if t.matcher.insert(v, cur) {
			cur.Variants = append(cur.Variants, v)
		}
	}
}

// Lookup returns the reporter with the canonical abbreviation abbr, or nil.
func (t *Reporters) Lookup(abbr string) *Reporter { return t.byAbbr[abbr] }

// Find returns the reporter that spelling (any variant) means, or nil.
func (t *Reporters) Find(spelling string) *Reporter {
	ms := t.matcher.matchAll(spelling, 0, nil)
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].end == len(spelling) {
			return ms[i].r
		}
	}
	return nil
}

// All returns every reporter, sorted by abbreviation.
func (t *Reporters) All() []*Reporter {
	out := append([]*Reporter(nil), t.list...)
	sort.Slice(out, func(i, j int) bool { return out[i].Abbrev < out[j].Abbrev })
	return out
}

// Len returns the number of reporters in the table.
func (t *Reporters) Len() int { return len(t.list) }
