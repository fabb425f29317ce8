package corpus

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// The values of Meta.Source.
const (
	SourceFormat   = "format"
	SourceManifest = "manifest"
	SourceText     = "text"
)

// HasIdentity says whether the document is known as a case: it has a case
// name or one of its own citations.
func (m Meta) HasIdentity() bool { return m.CaseName != "" || len(m.Citations) > 0 }

// uniq drops repeated citations, keeping the first of each.
func uniq(cites []string) []string {
	out := cites[:0:0]
	seen := map[string]bool{}
	for _, c := range cites {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// fill completes m field by field from a less trusted source: a field m
// already has is kept. Source names where the case name or citations came
// from, the fields that say which case it is. Citations are the exception:
// a case has several, and a manifest often lists ones the format does not
// (a LEXIS number beside an F.2d cite), so those of the format and of a
// manifest are joined. A guess from the text only fills an empty list.
func (m *Meta) fill(o Meta) {
	identified := m.HasIdentity()
	if m.CaseName == "" {
		m.CaseName = o.CaseName
	}
	if len(m.Citations) == 0 {
		m.Citations = o.Citations
	} else if o.Source != SourceText {
		m.Citations = uniq(append(append([]string(nil), m.Citations...), o.Citations...))
	}
	if m.Court == "" {
		m.Court = o.Court
	}
	if m.Docket == "" {
		m.Docket = o.Docket
	}
	if m.Date == "" {
		m.Date = o.Date
	}
	if m.Opinion == "" {
		m.Opinion = o.Opinion
	}
	if m.Author == "" {
		m.Author = o.Author
	}
	if !identified && m.HasIdentity() {
		m.Source = o.Source
	}
}

var (
	// headerCiteRE matches a citation standing alone as a header line:
	// "259 U.S. 255 (1922)", "517 U.S. 484 (S.Ct. 1996)", "380 P.2d 136".
	headerCiteRE = regexp.MustCompile(`^(\d{1,5} [A-Za-z][A-Za-z0-9.&' ]*? \d{1,6})(?: ?\(([^()]*)\))?\.?$`)
	yearRE       = regexp.MustCompile(`\b(1[6-9]\d\d|20\d\d)\b`)
	monthDateRE  = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(1[6-9]\d\d|20\d\d)\b`)
	isoDateRE    = regexp.MustCompile(`\b(1[6-9]\d\d|20\d\d)-(\d\d)(?:-(\d\d))?\b`)
)

// headerCitation parses a header line holding one citation and, maybe, a
// parenthetical with the year.
func headerCitation(line string) (cite, year string, ok bool) {
	m := headerCiteRE.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return "", "", false
	}
	if y := yearRE.FindAllString(m[2], -1); len(y) > 0 {
		year = y[len(y)-1]
	}
	return m[1], year, true
}

var months = map[string]string{
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06",
	"jul": "07", "aug": "08", "sep": "09", "sept": "09", "oct": "10", "nov": "11", "dec": "12",
}

// parseDate finds the first date in s ("Decided May 29, 1922.", "1948-06-21",
// "1871-12") and returns it in ISO form, or "".
func parseDate(s string) string {
	best, at := "", len(s)+1
	if m := monthDateRE.FindStringSubmatchIndex(s); m != nil {
		mon := months[strings.ToLower(s[m[2]:m[3]])]
		day, _ := strconv.Atoi(s[m[4]:m[5]])
		if day >= 1 && day <= 31 {
			best, at = s[m[6]:m[7]]+"-"+mon+"-"+twoDigits(day), m[0]
		}
	}
	if m := isoDateRE.FindStringSubmatchIndex(s); m != nil && m[0] < at {
		best = s[m[0]:m[1]]
	}
	return best
}

// latestDate returns the latest of the dates in s, a list of dated events
// ("Decided April 2, 1945. Rehearing denied April 30, 1945."). That is how
// CourtListener dates Columbia files, and agreeing with it matters more to
// users matching the two than the choice between the decision and a
// rehearing a few weeks later.
func latestDate(s string) string {
	latest := ""
	for _, m := range monthDateRE.FindAllStringIndex(s, -1) {
		if d := parseDate(s[m[0]:m[1]]); d > latest {
			latest = d
		}
	}
	return latest
}

// yearOf returns the first plausible year in s, or "".
func yearOf(s string) string { return yearRE.FindString(s) }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// cleanCaption tidies a caption taken from markup: one line, no "et al.",
// no full stop closing it (but an abbreviation keeps its own: "Co.").
func cleanCaption(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = etAlRE.ReplaceAllString(s, "")
	s = strings.TrimRight(s, " ,;:")
	if strings.HasSuffix(s, ".") {
		word := s[strings.LastIndexByte(s, ' ')+1:]
		if len(word) > 4 {
			s = strings.TrimSuffix(s, ".")
		}
	}
	return s
}

var etAlRE = regexp.MustCompile(`(?i),? et al\.?,?`)

// normalOpinion maps the opinion type words of CourtListener and CAP to a
// small vocabulary: majority, plurality, concurrence, concurrence-in-part,
// dissent, addendum, combined, rehearing, remittitur.
func normalOpinion(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if len(t) > 3 && t[0] >= '0' && t[0] <= '9' {
		t = strings.TrimLeft(t, "0123456789")
	}
	switch {
	case t == "":
		return ""
	case t == "combined":
		return "combined"
	case t == "lead" || t == "majority" || t == "unanimous" || t == "per-curiam" || t == "per_curiam" || t == "on-the-merits" || t == "onthemerits":
		return "majority"
	case strings.Contains(t, "plurality"):
		return "plurality"
	case strings.Contains(t, "dissent") && strings.Contains(t, "concur"),
		t == "concurrenceinpart", t == "concurrence-in-part", t == "concurring-in-part":
		return "concurrence-in-part"
	case strings.Contains(t, "concur"):
		return "concurrence"
	case strings.Contains(t, "dissent"):
		return "dissent"
	case strings.Contains(t, "addendum"):
		return "addendum"
	case strings.Contains(t, "rehearing"):
		return "rehearing"
	case strings.Contains(t, "remittitur"):
		return "remittitur"
	}
	return t
}

// opinionOfParts names what a document holding these opinions is: the one
// opinion's type, or "combined".
func opinionOfParts(types []string) string {
	switch len(types) {
	case 0:
		return ""
	case 1:
		return normalOpinion(types[0])
	}
	return "combined"
}

// clTypeRE matches CourtListener's opinion file naming,
// "<cluster>_<order><type>.html" (100122_040dissent.html).
var clTypeRE = regexp.MustCompile(`^\d+_(\d{3}[a-z]+)\.`)

// opinionFromName reads the opinion type from a CourtListener export's file
// name, which is the export's own metadata.
func opinionFromName(path string) string {
	m := clTypeRE.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return ""
	}
	return normalOpinion(m[1])
}

var (
	citeAsRE     = regexp.MustCompile(`Cite as:\s*(\d{1,4})\s*U\.\s?S\.\s*(\d+|_+)\s*\((\d{4})\)`)
	slipDateRE   = regexp.MustCompile(`(?:Decided|\[)\s*((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})`)
	slipCaptRE   = regexp.MustCompile(`(?m)^[ \t]*(?:\d+[ \t]+)?([A-Z][A-Z0-9.,'&\- ]* v\. [A-Z][A-Z0-9.,'&\- ]*?)[ \t]*$`)
	petitionerRE = regexp.MustCompile(`,? (PETITIONERS?|RESPONDENTS?|APPELLANTS?|APPELLEES?)\b`)
)

// textIdentity detects who a document is from its text alone: a Supreme
// Court slip opinion ("Cite as: 555 U. S. ____ (2009)", its caption and
// "Decided" line), or a CourtListener-style header whose first line is the
// citation. heads are the running heads a reader took out of the text.
func textIdentity(text string, heads []string) Meta {
	head := text
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if m := headerIdentity(head); m.HasIdentity() {
		return m
	}
	return slipIdentity(head, heads)
}

// slipIdentity reads a Supreme Court slip opinion's first page: the case
// name (the short caption of the running heads, else the caption), the
// docket number, the decision date, and as its citation the slip cite of
// the Cite as: head ("591 U.S. ___" until the volume's pages are known).
func slipIdentity(head string, heads []string) Meta {
	// The head is up to 64 KiB of every document read: search it and the
	// running heads apart rather than copy them into one string.
	runningHeads := strings.Join(heads, "\n")
	c := citeAsRE.FindStringSubmatch(head)
	if c == nil {
		c = citeAsRE.FindStringSubmatch(runningHeads)
	}
	if c == nil && !strings.Contains(head, "(Slip Opinion)") && !strings.Contains(runningHeads, "(Slip Opinion)") {
		return Meta{}
	}
	m := Meta{Court: "Supreme Court of the United States", Source: SourceText}
	if c != nil {
		page := c[2]
		if page[0] == '_' {
			page = "___"
		}
		m.Citations = []string{c[1] + " U.S. " + page}
		m.Date = c[3]
	}
	m.CaseName = shortCaption(heads)
	if c := slipCaptRE.FindStringSubmatch(head); c != nil && m.CaseName == "" {
		m.CaseName = cleanCaption(petitionerRE.ReplaceAllString(c[1], ""))
	}
	if d := slipDateRE.FindStringSubmatch(head); d != nil {
		m.Date = parseDate(d[1])
	}
	if d := docketRE.FindStringSubmatch(head); d != nil {
		m.Docket = d[1]
	}
	if !m.HasIdentity() {
		return Meta{}
	}
	return m
}

// headerIdentity reads plain text that starts the way CourtListener's
// pages do: citation lines, then the caption up to the docket number.
func headerIdentity(head string) Meta {
	var m Meta
	lines := strings.Split(head, "\n")
	i := 0
	for ; i < len(lines) && i < 8; i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" && len(m.Citations) == 0 {
			continue
		}
		cite, year, ok := headerCitation(line)
		if !ok {
			break
		}
		m.Citations = append(m.Citations, cite)
		if year != "" {
			m.Date = year
		}
	}
	if len(m.Citations) == 0 {
		return Meta{}
	}
	var caption []string
	for ; i < len(lines) && len(caption) < 8; i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "No.") || strings.HasPrefix(line, "Nos.") {
			break
		}
		caption = append(caption, line)
	}
	m.CaseName = cleanCaption(strings.Join(caption, " "))
	for _, line := range lines[i:min(len(lines), i+10)] {
		if strings.HasPrefix(strings.TrimSpace(line), "Decided") {
			if d := parseDate(line); d != "" {
				m.Date = d
			}
		}
	}
	m.Source = SourceText
	return m
}
