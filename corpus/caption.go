package corpus

import (
	"regexp"
	"strings"
)

// Identity from the first page of an opinion as a court prints it: the
// caption. A Supreme Court slip opinion is recognised by its heads (see
// slipIdentity); other courts' opinions by the court named at the top of
// the page (see courtIdentity).

var (
	docketRE = regexp.MustCompile(`\b(?:Docket )?Nos?\.\s*([A-Z]{0,4}-?\d[\w:]*(?:[-–]\w+)*)`)
	// courtLineRE finds the court named at the top of a first page.
	courtLineRE = regexp.MustCompile(`(?i)^(?:in the\s+)?(.*\b(?:court of appeals?|court of (?:civil |criminal )?appeals|tax court|supreme court|district court|court of federal claims|court of international trade|bankruptcy court|superior court|court of common pleas)\b.*)$`)
	// courtMoreRE continues a court's name on the next line: "For the
	// First Circuit", "Eastern District".
	courtMoreRE   = regexp.MustCompile(`(?i)^(for|of) the \w+( \w+)? (circuit|district)$|^(eastern|western|northern|southern|middle|central) district$`)
	filedDateRE   = regexp.MustCompile(`(?i)\b(?:decided|filed|dated|entered)[:\s]+([A-Z][a-z]+\.? \d{1,2}, \d{4})`)
	stampDateRE   = regexp.MustCompile(`(?i)\b(?:date )?filed:?\s*(\d{1,2})/(\d{1,2})/(\d{4})`)
	versusLineRE  = regexp.MustCompile(`^(?:v\.|vs\.?|versus)$`)
	partyRoleRE   = regexp.MustCompile(`(?i)^[,\s]*((plaintiffs?|defendants?|appellants?|appellees?|petitioners?|respondents?|movants?|intervenors?|cross)[-—–,\s]*)+\.?$`)
	partyLetterRE = regexp.MustCompile(`[A-Za-z]`)
)

// firstPageIdentity reads who a PDF document is from its first page (all
// its lines, furniture included), and the short caption a slip opinion
// prints as the head of its even pages.
func firstPageIdentity(pages []page, layout []pageLayout) Meta {
	first := strings.Join(pages[0].lines, "\n")
	var heads []string
	for i, p := range pages {
		for j, l := range p.lines {
			if layout[i].furniture[j] {
				heads = append(heads, l)
			}
		}
	}
	if m := slipIdentity(first, heads); m.HasIdentity() {
		return m
	}
	return courtIdentity(pages[0].lines)
}

// shortCaption returns the short caption of a slip opinion from its
// running heads ("THOMPSON v. HEBDON", printed beside a page number),
// written as a case name, or "".
func shortCaption(heads []string) string {
	for i, h := range heads {
		bare := strings.TrimSpace(pageNumberEdgeRE.ReplaceAllString(strings.TrimSpace(h), ""))
		if strings.HasSuffix(bare, " v.") && i+1 < len(heads) {
			// A long caption takes two lines.
			bare += " " + strings.TrimSpace(heads[i+1])
		}
		if isCaptionHead(bare) {
			return captionCase(bare)
		}
	}
	return ""
}

// smallWords stay in lower case inside a case name.
var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true,
	"a": true, "an": true, "to": true, "at": true, "by": true, "de": true, "ex": true, "rel.": true}

// captionCase writes a caption printed in capitals as a case name:
// "DEPARTMENT OF HOMELAND SECURITY v. REGENTS OF UNIV. OF CAL." →
// "Department of Homeland Security v. Regents of Univ. of Cal.".
// Abbreviations of single letters ("L. L. C.") stay in capitals.
func captionCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case lw == "v.":
			words[i] = "v."
		case i > 0 && smallWords[lw]:
			words[i] = lw
		case len([]rune(strings.TrimRight(w, ".,"))) == 1:
		default:
			words[i] = titleName(w)
		}
	}
	return strings.Join(words, " ")
}

// courtIdentity reads the first page of another court's opinion: the court
// named at its top, the docket number, the date it was decided or filed,
// and the parties on either side of the "v." of the caption.
func courtIdentity(lines []string) Meta {
	var m Meta
	for i, l := range lines[:min(len(lines), 40)] {
		l = strings.TrimSpace(l)
		if isStamp(l) {
			continue
		}
		if c := courtLineRE.FindStringSubmatch(l); c != nil && m.Court == "" && len(l) < 90 {
			m.Court = c[1]
			if i+1 < len(lines) && courtMoreRE.MatchString(strings.TrimSpace(lines[i+1])) {
				m.Court += " " + strings.TrimSpace(lines[i+1])
			}
			m.Court = captionCourt(m.Court)
		}
	}
	if m.Court == "" {
		return Meta{}
	}
	page := strings.Join(lines, "\n")
	if d := docketRE.FindStringSubmatch(page); d != nil {
		m.Docket = d[1]
	}
	if d := filedDateRE.FindStringSubmatch(page); d != nil {
		m.Date = parseDate(d[1])
	} else if d := stampDateRE.FindStringSubmatch(page); d != nil {
		m.Date = d[3] + "-" + twoDigitString(d[1]) + "-" + twoDigitString(d[2])
	}
	m.CaseName = captionParties(lines)
	m.Source = SourceText
	return m
}

func twoDigitString(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// captionCourt tidies a court's name taken from a caption: one space
// between words, capitals written as a name.
func captionCourt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if upperWords(s) {
		s = captionCase(s)
	}
	return s
}

// captionParties finds the caption's "v." (alone on its line, or between
// the parties on one line) and returns the first named party on each side.
func captionParties(lines []string) string {
	// A caption set beside a column of ")" or "]" (the docket number and
	// the court below on the right) is read on the left.
	left := func(l string) string {
		if i := strings.IndexAny(l, ")]"); i >= 0 && !strings.Contains(l[:i], "(") {
			l = l[:i]
		}
		return strings.TrimSpace(strings.ReplaceAll(l, "_", ""))
	}
	party := func(from, step int) string {
		for i := from; i >= 0 && i < len(lines); i += step {
			l := left(lines[i])
			if l == "" || partyRoleRE.MatchString(l) || !partyLetterRE.MatchString(l) {
				continue
			}
			return partyName(l)
		}
		return ""
	}
	for i, l := range lines[:min(len(lines), 60)] {
		l = left(l)
		var p, d string
		switch {
		case versusLineRE.MatchString(l):
			p, d = party(i-1, -1), party(i+1, 1)
		case strings.Contains(l, " v. ") || strings.HasSuffix(l, " v."):
			left, right, _ := strings.Cut(l+" ", " v. ")
			p, d = partyName(left), partyName(right)
			if d == "" {
				d = party(i+1, 1)
			}
		default:
			continue
		}
		if p != "" && d != "" {
			return p + " v. " + d
		}
	}
	return ""
}

// partyName cuts a party's line to its name: before the first comma (the
// description that follows: "in her official capacity as ..."), without
// "et al." or a footnote mark, written as a name when in capitals.
func partyName(s string) string {
	s = etAlRE.ReplaceAllString(s, "")
	if i := strings.IndexByte(s, ','); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "0123456789*†"))
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "IN RE:"), "In re:"))
	if s == "" {
		return ""
	}
	if upperWords(s) {
		s = captionCase(s)
	}
	return s
}
