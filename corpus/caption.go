package corpus

import (
	"regexp"
	"strings"
	"unicode"
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
// its lines, furniture included, and as printed: first), and the short
// caption a slip opinion prints as the head of its even pages.
func firstPageIdentity(pages []page, layout []pageLayout, first []pdfLine) Meta {
	var heads []string
	for i, p := range pages {
		for j, l := range p.lines {
			if layout[i].furniture[j] {
				heads = append(heads, l)
			}
		}
	}
	if m := slipIdentity(strings.Join(pages[0].lines, "\n"), heads); m.HasIdentity() {
		return m
	}
	return courtIdentity(pdfRows(first))
}

// captionRow is a printed line of a first page cut into its cells: runs of
// text set apart by column gaps (a letterhead's clerk, court and telephone;
// a caption and the docket number beside it). Reading a cell alone keeps
// the words of one column from being read with another's.
type captionRow struct {
	cells []string
	// apart says whether a blank line's height or more parts the row from
	// the one above: a caption's party and its role, wrapped, are not.
	apart bool
}

// pdfRows cuts a PDF page's lines into caption rows.
func pdfRows(lines []pdfLine) []captionRow {
	rows := make([]captionRow, len(lines))
	for i, l := range lines {
		from := 0
		for _, to := range append(l.cells, len(l.text)) {
			if c := strings.TrimSpace(l.text[from:to]); c != "" {
				rows[i].cells = append(rows[i].cells, c)
			}
			from = to
		}
		// Baselines of single-spaced lines are 1.2 sizes apart; a blank
		// line between makes 2.4.
		rows[i].apart = i > 0 && lines[i-1].y-l.y > 1.7*max(l.size, lines[i-1].size)
	}
	return rows
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

// courtIdentity reads the first page of another court's opinion, order,
// clerk's letter or filing: the court named at its top, the docket number,
// the date it was decided or filed, and the case's name from its caption
// (see captionName).
func courtIdentity(rows []captionRow) Meta {
	var m Meta
	head := rows[:min(len(rows), 40)]
	for i := 0; i < len(head) && m.Court == ""; i++ {
		if isStamp(strings.Join(head[i].cells, " ")) {
			continue
		}
		for _, c := range head[i].cells {
			if cm := courtLineRE.FindStringSubmatch(c); cm != nil && len(c) < 90 {
				m.Court = circuitCourt(cm[1], head[i+1:])
				break
			}
		}
	}
	if m.Court == "" {
		return Meta{}
	}
	var b strings.Builder
	for _, r := range rows {
		line := strings.Join(r.cells, " ")
		if d := stampDocketRE.FindStringSubmatch(line); d != nil && m.Docket == "" && isStamp(line) {
			m.Docket = d[1]
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	// A form's blanks are filled in over underscores: "No. 1_4_-_1_3_2_6_".
	page := strings.ReplaceAll(b.String(), "_", "")
	if d := docketRE.FindStringSubmatch(page); d != nil && m.Docket == "" {
		m.Docket = d[1]
	}
	if d := filedDateRE.FindStringSubmatch(page); d != nil {
		m.Date = parseDate(d[1])
	} else if d := stampDateRE.FindStringSubmatch(page); d != nil {
		m.Date = d[3] + "-" + twoDigitString(d[1]) + "-" + twoDigitString(d[2])
	}
	m.CaseName = captionName(rows)
	m.Source = SourceText
	return m
}

var (
	// stampDocketRE is the docket number of a court of appeals' filing
	// stamp ("Case: 17-2678 Document: ...", "Appellate Case: 21-800"),
	// which names the case the filing is in before any other number on
	// the page (a bar number, the court below's docket).
	stampDocketRE = regexp.MustCompile(`(?i)^(?:appellate case|case|appeal):?\s+(\d{2}-\d{2,6})\b`)
	// federalAppealsRE is a court of appeals named without its circuit,
	// as a clerk's letterhead and many captions print it.
	federalAppealsRE = regexp.MustCompile(`(?i)^united states court of appeals?$`)
	circuitRE        = regexp.MustCompile(`(?i)^(?:for the )?((?:\w+|district of columbia) circuit)$`)
	// courtSiteRE is a court of appeals' own web site, which the
	// letterheads of the clerks' offices print: www.ca3.uscourts.gov.
	courtSiteRE = regexp.MustCompile(`(?i)\bwww\.ca(\d{1,2}|dc|fc)\.uscourts\.gov\b`)
	// siteCircuits names the circuit of each host, after the federal
	// judiciary's naming of its courts' sites.
	siteCircuits = map[string]string{"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "5": "Fifth",
		"6": "Sixth", "7": "Seventh", "8": "Eighth", "9": "Ninth", "10": "Tenth", "11": "Eleventh",
		"dc": "District of Columbia", "fc": "Federal"}
)

// circuitCourt completes the court named by a cell with the rows printed
// below it: the next line when it goes on ("For the First Circuit",
// "Eastern District"), and for a United States court of appeals named
// without its circuit, the circuit printed a few lines down (a filing
// stamp's "Tenth Circuit", a heading's "FOR THE TENTH CIRCUIT") or, in a
// clerk's letterhead, the court's own web site.
func circuitCourt(court string, below []captionRow) string {
	if len(below) > 0 {
		for _, c := range below[0].cells {
			if courtMoreRE.MatchString(c) {
				return captionCourt(court + " " + c)
			}
		}
	}
	court = captionCourt(court)
	if !federalAppealsRE.MatchString(court) {
		return court
	}
	for _, r := range below[:min(len(below), 4)] {
		for _, c := range r.cells {
			if m := circuitRE.FindStringSubmatch(c); m != nil {
				return court + " for the " + captionCase(strings.ToUpper(m[1]))
			}
		}
	}
	for _, r := range below[:min(len(below), 6)] {
		for _, c := range r.cells {
			// Letterheads space letters apart: "www .ca3.usc ourts.gov".
			if m := courtSiteRE.FindStringSubmatch(strings.ReplaceAll(c, " ", "")); m != nil {
				return court + " for the " + siteCircuits[strings.ToLower(m[1])] + " Circuit"
			}
		}
	}
	return court
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

var (
	// headingLabelRE opens a letter's or a notice's line naming the case:
	// "RE:", "Re:", "Short Title:", "Case Caption:".
	headingLabelRE = regexp.MustCompile(`(?i)^(?:re|in the matter of|subject|(?:short |case )?(?:title|caption|name))\s*:\s*`)
	// fieldLabelRE opens a line of a form or letter heading that holds a
	// field of its own ("Case Number:", "Originating Case No. :", "DC
	// Judge:"), not the rest of the case's name.
	fieldLabelRE = regexp.MustCompile(`^[A-Z][\w.#/' -]{0,30}:`)
	// docketLeadRE is a docket number before the parties of a heading:
	// "Case No. 17-3994,", "No. 22-1801 -", "19-1234".
	docketLeadRE = regexp.MustCompile(`(?i)^(?:(?:(?:case|appeal|docket)\s+)?(?:nos?\.|numbers?|#)\s*:?\s*\d[\w./:-]*|\d+-\d[\w./:-]*)\s*[,:;–—-]?\s+`)
	// docketPieceRE is a docket number in the list after a party's name.
	docketPieceRE = regexp.MustCompile(`(?i)^(?:(?:case|appeal|docket)\s+)?(?:nos?\.|numbers?|#)\s*:?\s*\d`)
	// corporateRE is the corporate designation a comma sets after a name.
	corporateRE = regexp.MustCompile(`^(?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|LLP|L\.L\.P|L\.P|LP|N\.A|P\.C|P\.A|S\.A|PLC|plc)\.?$`)
	inReRE      = regexp.MustCompile(`(?i)^in re:?\s+(\S.*)$`)
)

// captionName finds a case's name on a first page: the caption's parties
// on either side of a "v." printed alone on its line (the opinion's
// caption), the parties of a one-line caption ("Doe v. Roe, No. 19-1234"
// as a letter's "RE:" heading, a notice's "Short Title:" field, a form's
// blanks), or the subject of an "In re" caption. The first found, top
// down, is the name, and "" when none reads as a caption: text around a
// "v." that is not a list of parties (a sentence citing a case) is no
// name, for a wrong name is worse than none.
func captionName(rows []captionRow) string {
	rows = rows[:min(len(rows), 60)]
	for i, r := range rows {
		if isStamp(strings.Join(r.cells, " ")) {
			continue
		}
		for j, c := range r.cells {
			c = cellText(c)
			if j+1 < len(r.cells) && labelOnly(c) {
				continue // the case is in the next cell
			}
			var p, d string
			switch {
			case versusLineRE.MatchString(c):
				p, d = partyAbove(rows, i, j), partyBelow(rows, i+1, j)
			case strings.Contains(c, " v. ") || strings.HasSuffix(c, " v."):
				labelled := headingLabelRE.MatchString(c) || j > 0 && labelOnly(r.cells[j-1])
				if labelled {
					c = headingValue(rows, i, j)
				}
				p, d = lineCaption(c, labelled)
				if p != "" && d == "" && strings.HasSuffix(c, " v.") {
					d = partyBelow(rows, i+1, j)
				}
			default:
				if m := inReRE.FindStringSubmatch(c); m != nil {
					if name := firstName(m[1]); name != "" && nameLike(name) {
						return "In re " + printedName(name)
					}
				}
				continue
			}
			if p != "" && d != "" {
				return printedName(p + " v. " + d)
			}
		}
	}
	return ""
}

// labelOnly says whether a cell is a heading's label alone, its tab stop
// setting the case apart: "Re:    Doe v. Roe".
func labelOnly(c string) bool {
	c = cellText(c)
	return headingLabelRE.MatchString(c) && headingLabelRE.ReplaceAllString(c, "") == ""
}

// cellText is a cell as a caption reads it: without the underscores of a
// form's blanks and the ")" or "]" column a caption is set beside.
func cellText(c string) string {
	if i := strings.IndexAny(c, ")]"); i >= 0 && !strings.Contains(c[:i], "(") {
		c = c[:i]
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(c, "_", "")), " ")
}

// headingValue returns the case named by a labelled heading at cell j of
// row i, without its label and with the lines its value wraps onto: a
// heading ends at a docket number, a blank line, another field's label or
// a parenthesis ("(Arg. & Sub. ...)").
func headingValue(rows []captionRow, i, j int) string {
	value := headingLabelRE.ReplaceAllString(cellText(rows[i].cells[j]), "")

	for k := i + 1; k < min(len(rows), i+3); k++ {
		if rows[k].apart || len(rows[k].cells) == 0 || docketRE.MatchString(value) {
			break
		}
		next := cellText(rows[k].cells[0])
		if next == "" || fieldLabelRE.MatchString(next) || strings.HasPrefix(next, "(") {
			break
		}
		value += " " + next
	}
	return value
}

// lineCaption splits a one-line caption at its "v." into the parties'
// names. Each side is a name, then maybe descriptions set off by commas:
// "et al.", the party's role, a corporate designation, a docket number
// and, in a labelled heading, more words of a name ("Doe, Jane"). A side
// that holds anything else is a sentence, not a caption.
func lineCaption(c string, labelled bool) (p, d string) {
	c = docketLeadRE.ReplaceAllString(c, "")
	before, after, _ := strings.Cut(c+" ", " v. ")
	if !captionSide(before, labelled) {
		return "", ""
	}
	if strings.TrimSpace(after) == "" { // the other party is on the next line
		return firstName(before), ""
	}
	if !captionSide(after, labelled) {
		return "", ""
	}
	return firstName(before), firstName(after)
}

// captionSide says whether s reads as one side of a one-line caption.
func captionSide(s string, labelled bool) bool {
	s = etAlRE.ReplaceAllString(s, "")
	for k, piece := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		piece = strings.TrimSpace(piece)
		switch {
		case piece == "" && k > 0,
			k > 0 && (partyRoleRE.MatchString(strings.TrimLeft(piece, "0123456789*† ")) || corporateRE.MatchString(piece) || docketPieceRE.MatchString(piece)),
			(k == 0 || labelled) && nameLike(piece):
		default:
			return false
		}
	}
	return strings.TrimSpace(s) != ""
}

// nameLike says whether s can be a party's name: a few words, each
// capitalised, a number or one of the small words names hold.
func nameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 16 || !partyLetterRE.MatchString(s) {
		return false
	}
	for _, w := range words {
		r := []rune(w)[0]
		if unicode.IsLower(r) && !smallWords[strings.ToLower(w)] && !nameParticles[w] {
			return false
		}
	}
	return true
}

// nameParticles are the words in lower case that names of people and
// entities keep: "de la Cruz", "van Buren", "d/b/a".
var nameParticles = map[string]bool{"da": true, "del": true, "della": true, "di": true, "du": true,
	"la": true, "le": true, "van": true, "von": true, "y": true, "d/b/a": true, "f/k/a": true, "n/k/a": true, "ex": true}

// partyAbove returns the party named above the "v." of row i (cell j): the
// nearest lines that are not a role ("Plaintiff, Appellant,"), joined
// upward while a name wraps (no blank line, no comma closing the line
// above), then cut to the name.
func partyAbove(rows []captionRow, i, j int) string {
	k := i - 1
	for ; k >= max(0, i-8); k-- {
		if c := partyCell(rows[k], j); c != "" {
			break
		}
	}
	if k < max(0, i-8) {
		return ""
	}
	lines := []string{partyCell(rows[k], j)}
	for ; k > 0 && len(lines) < 3 && !rows[k].apart; k-- {
		above := partyCell(rows[k-1], j)
		if above == "" || strings.ContainsAny(above[len(above)-1:], ",;:") || docketRE.MatchString(above) || courtLineRE.MatchString(above) || courtMoreRE.MatchString(above) {
			break
		}
		lines = append([]string{above}, lines...)
	}
	return firstName(strings.Join(lines, " "))
}

// partyBelow returns the party named from row i on (cell j), as
// partyAbove does, reading down.
func partyBelow(rows []captionRow, i, j int) string {
	k := i
	for ; k < min(len(rows), i+8); k++ {
		if c := partyCell(rows[k], j); c != "" {
			break
		}
	}
	if k >= min(len(rows), i+8) {
		return ""
	}
	name := partyCell(rows[k], j)
	for n := 1; n < 3 && k+n < len(rows) && !rows[k+n].apart && !strings.ContainsAny(name[len(name)-1:], ",;:"); n++ {
		next := partyCell(rows[k+n], j)
		if next == "" {
			break
		}
		name += " " + next
	}
	return firstName(name)
}

// partyCell returns the text of row r that can name a party, in the
// column of the caption's "v.": "" for a role, a rule or a stamp.
func partyCell(r captionRow, j int) string {
	if len(r.cells) == 0 || isStamp(strings.Join(r.cells, " ")) {
		return ""
	}
	c := cellText(r.cells[min(j, len(r.cells)-1)])
	if c == "" || partyRoleRE.MatchString(c) || !partyLetterRE.MatchString(c) || versusLineRE.MatchString(c) {
		return ""
	}
	return c
}

// firstName cuts a party's text to its name: before the first comma or
// semicolon (the description or the next party that follows: "in her
// official capacity as ...", "; Dearborn National Life"), without "et
// al." or a footnote mark.
func firstName(s string) string {
	s = etAlRE.ReplaceAllString(s, "")
	if i := strings.IndexAny(s, ",;"); i >= 0 {
		s = s[:i]
	}
	return trimMark(strings.TrimSpace(s))
}

// trimMark takes a footnote mark off the end of a name ("BORDELON1",
// "Mills*").
func trimMark(s string) string {
	return strings.TrimSpace(strings.TrimRight(s, "0123456789*†"))
}

// printedName writes a caption as a case name: capitals as a name when the
// whole caption is in capitals, else as printed, so that an acronym
// beside a name in lower case ("Reliable Contracting Group v. DVA") stays.
func printedName(s string) string {
	if upperWords(s) {
		return captionCase(s)
	}
	return s
}
