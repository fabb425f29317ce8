package extract

import "strings"

// Case names are read backwards from the comma before a citation, a word
// at a time, for as long as the words look like part of a case name:
// capitalised words, abbreviations, and the few lower-case words names
// contain ("v.", "of", "ex rel."). The first word that cannot be part of
// a name (a lower-case word, a signal, the end of a sentence, a quotation
// mark) ends the name.

const (
	maxNameWords = 14
	maxWordLen   = 64
)

// nameConnectors are the lower-case words that occur inside case names.
var nameConnectors = map[string]bool{
	"v.": true, "vs.": true, "v": true, "of": true, "the": true, "and": true, "for": true,
	"ex": true, "rel.": true, "de": true, "du": true, "da": true, "del": true, "della": true,
	"der": true, "den": true, "van": true, "von": true, "la": true, "le": true, "et": true,
	"al.": true, "&": true, "on": true, "upon": true, "to": true, "re": true, "d/b/a": true,
	"a": true, "an": true, "by": true, "parte": true, "etc.": true,
}

// corporateSuffixes may follow a comma inside a name ("Liberty Lobby,
// Inc.").
var corporateSuffixes = map[string]bool{
	"Inc.": true, "Co.": true, "Corp.": true, "Ltd.": true, "L.P.": true, "LLC": true,
	"L.L.C.": true, "N.A.": true, "P.C.": true, "LLP": true, "L.L.P.": true, "P.A.": true,
	"Jr.": true, "Sr.": true, "et": true, "etc.": true, "Petitioner": true, "Petitioners": true,
	"Respondent": true, "Respondents": true, "Appellant": true, "Appellants": true, "Appellee": true,
	"Appellees": true,
}

// sentenceStarters are capitalised words that begin sentences far more
// often than case names; dropped from the front of a name ("In Imbler",
// "Unlike Kalina v. Fletcher").
var sentenceStarters = map[string]bool{
	"In": true, "As": true, "Under": true, "Unlike": true, "And": true, "But": true,
	"Thus": true, "Also": true, "Following": true, "Like": true, "Since": true, "Although": true,
	"Because": true, "After": true, "Before": true, "When": true, "While": true, "Here": true,
	"Then": true, "Accordingly": true, "Moreover": true, "However": true, "Indeed": true,
	"Similarly": true, "Applying": true, "Citing": true, "Quoting": true, "Relying": true,
	"Distinguishing": true, "Overruling": true, "Rejecting": true, "Whereas": true, "Where": true,
	"Even": true, "So": true, "Yet": true, "Nor": true, "Or": true, "If": true, "Both": true,
	"Only": true, "Neither": true, "Nevertheless": true, "Further": true, "Finally": true,
	"Consequently": true, "Hence": true, "Therefore": true, "Thereafter": true, "Later": true,
	"Our": true, "This": true, "That": true, "These": true, "Those": true, "Its": true, "It": true,
	"We": true, "Again": true, "Later,": true, "Cf.": true, "See": true, "Compare": true,
	"Despite": true, "During": true, "Given": true, "Unless": true, "Until": true, "Without": true,
	"Notwithstanding": true, "Except": true, "Besides": true, "Beyond": true, "Once": true,
	"Whether": true, "What": true, "Why": true, "How": true, "Today": true, "Yesterday": true,
}

// stopWords end a name when met going backwards (they are not part of it).
var stopWords = map[string]bool{
	"See": true, "see": true, "Cf.": true, "cf.": true, "But": true, "Compare": true, "compare": true,
	"with": true, "Accord": true, "accord": true, "also": true, "e.g.": true, "E.g.": true,
	"Contra": true, "generally": true, "quoting": true, "citing": true, "Id.": true, "id.": true,
	"Ibid.": true, "ibid.": true, "Supra.": true, "supra.": true, "supra": true, "Supra": true,
	"ante": true, "post": true, "infra": true,
}

// sentenceWords are short capitalised words that are never abbreviated:
// followed by a period they end a sentence ("... the State. Frick v.
// Pennsylvania").
var sentenceWords = map[string]bool{
	"State.": true, "Court.": true, "Act.": true, "Code.": true, "Cases.": true, "Case.": true,
	"Law.": true, "Laws.": true, "Rule.": true, "Rules.": true, "Union.": true, "Board.": true,
	"Here.": true, "There.": true, "Title.": true, "City.": true, "Bill.": true, "Trust.": true,
}

// longAbbreviations are abbreviations in names longer than five letters,
// which would otherwise be taken for the end of a sentence.
var longAbbreviations = map[string]bool{
	"Transp.": true, "Indus.": true, "Comm'rs.": true, "Assocs.": true, "Commw.": true,
	"Equip.": true, "Constr.": true, "Enters.": true, "Pharms.": true, "Props.": true,
	"Admin.": true, "Commc'ns": true, "Pharm.": true, "Invs.": true, "Mgmt.": true,
}

// crossReferenceWords before "supra" mark an internal cross-reference
// ("Part II, supra"), not a case.
var crossReferenceWords = map[string]bool{
	"Part": true, "Parts": true, "Section": true, "Sections": true, "Note": true, "Notes": true,
	"App.": true, "Appendix": true, "Point": true, "Subpart": true, "Chapter": true, "Tr.": true,
}

type span struct{ lo, hi int }

// nameBefore returns the start and text of the case name that ends with a
// comma just before pos ("Imbler, supra"; a space may stand before the
// comma, as it often does where markup ended: "Iqbal , supra"), or -1
// when there is none.
func (s *scanner) nameBefore(pos int) (int, string) {
	e := skipSpaceBack(s.src, pos)
	if e <= s.lastEnd || s.src[e-1] != ',' {
		return -1, ""
	}
	return s.nameEndingAt(skipSpaceBack(s.src, e-1))
}

// prefix is what a citation says before its volume besides the case name:
// the court and year that California writes between name and volume
// ("Ghirardo v. Antonioli (1994) 8 Cal.4th 791") and Louisiana after its
// docket number ("2015-0667 (La. App. 1 Cir. 2/4/16), 191 So. 3d 600").
type prefix struct {
	court string
	year  int
}

// citePrefix finds the case name of the citation whose volume starts at
// pos, looking past what courts put between a name and its volume: a
// docket number ("No. 14-cv-1234 (JMF),", "No. 3:18-cv-00512,"), a
// Louisiana docket citation with its court and date, the court and year
// of California's style and of older opinions ("Ghirardo v. Antonioli
// (1994) 8 Cal.4th 791", "Sparf v. United States, (1895) 156 U. S. 51",
// "Baldwin v. Iowa State Traveling Men's Association, 1931, 283 U.S.
// 522"), an opening bracket or parenthesis ("Lovell v. Griffin, [303 U.
// S. 444", "Caldarola v. Eckert (332 U. S. 155)"). It returns the name's
// start (-1 when there is no name) and text, and the court and year the
// prefix gave.
func (s *scanner) citePrefix(pos int) (int, string, prefix) {
	src := s.src
	var pre prefix
	e := skipSpaceBack(src, pos)
	opened := e > s.lastEnd && (src[e-1] == '(' || src[e-1] == '[')
	if opened {
		e = skipSpaceBack(src, e-1)
	}
	comma := e > s.lastEnd && src[e-1] == ','
	if comma {
		e = skipSpaceBack(src, e-1)
	}
	if comma {
		b := s.blankCiteBefore(e)
		if p := blankBefore(src, e); b < 0 && p >= 0 {
			// "— Mont. —, —, 615 P. 2d 847, 856": the pin left blank too.
			if q := skipSpaceBack(src, p); q > s.lastEnd && src[q-1] == ',' {
				b = s.blankCiteBefore(skipSpaceBack(src, q-1))
			}
		}
		if b >= 0 {
			// "Commonwealth v. O'Neal, — Mass. —, 339 N. E. 2d 676": the
			// official report, not yet paged, before the regional one.
			e = skipSpaceBack(src, b)
			if e <= s.lastEnd || src[e-1] != ',' {
				return -1, "", pre
			}
			e = skipSpaceBack(src, e-1)
		}
	}
	if b := s.supraBefore(e); comma && b >= 0 {
		// "Cantwell v. Connecticut, supra, 310 U. S. 296": the citation
		// given again in full, after the name and "supra" ("Nicholson,
		// supra note 1, 184 U.S.App.D.C. 275").
		e = skipSpaceBack(src, b)
		if e <= s.lastEnd || src[e-1] != ',' {
			return -1, "", pre
		}
		e = skipSpaceBack(src, e-1)
	}
	if lo := max(s.lastEnd, e-8); comma && e > s.lastEnd && src[e-1] == ')' && strings.Contains(src[lo:e], "(No. ") {
		// "Leeds & Catlin Co. v. Victor Talking Machine Co. (No. 2)":
		// the number is part of the name.
		if open := strings.LastIndex(src[lo:e], "(No. ") + lo; allDigits(src[open+5:e-1], 1, 2) {
			start, name := s.nameEndingAt(skipSpaceBack(src, open))
			if start >= 0 {
				name += " " + src[open:e]
			}
			return start, name, pre
		}
	}
	if y := s.courtYearBefore(e); y >= 0 && comma {
		// "Men's Association, 1931, 283 U.S. 522", "Snell v. Ruppert,
		// Wyo. 1975, 541 P.2d 1042".
		pre.court, pre.year, _ = courtYear(src[y:e])
		e = skipSpaceBack(src, y)
		if e <= s.lastEnd || src[e-1] != ',' {
			return y, "", pre
		}
		e = skipSpaceBack(src, e-1)
		if c := s.circuitBefore(e); pre.court == "" && c >= 0 {
			// "Matysek v. United States, 9 Cir., 1964, 339 F.2d 389": the
			// Federal Reporter's old style, the circuit between commas.
			pre.court = normalizeSpace(src[c:e])
			if e = skipSpaceBack(src, c); e <= s.lastEnd || src[e-1] != ',' {
				return c, "", pre
			}
			e = skipSpaceBack(src, e-1)
		}
		if start, name := s.nameEndingAt(e); start >= 0 {
			return start, name, pre
		}
		return y, "", pre
	}
	if e > s.lastEnd && src[e-1] == ')' {
		if open := openingParen(src, e-1, s.lastEnd, maxCourtParen); open > 0 {
			if court, year, ok := courtYear(src[open+1 : e-1]); ok && (!comma || s.docketBefore(skipSpaceBack(src, open)) < 0) {
				// California: "Name (1994) 8 Cal.4th 791"; Illinois:
				// "Paugh v. Paugh (1891), 40 Ill. App. 143"; older
				// opinions: "Name, (1895) 156 U. S. 51". (Louisiana's
				// "2015-0667 (La. App. 1 Cir. 2/4/16)," goes on below.)
				pre = prefix{court, year}
				e = skipSpaceBack(src, open)
				if e > s.lastEnd && src[e-1] == ',' {
					e = skipSpaceBack(src, e-1)
				}
				if start, name := s.nameEndingAt(e); start >= 0 {
					return start, name, pre
				}
				return open, "", pre
			} else if ok {
				pre = prefix{court, year}
				e = skipSpaceBack(src, open)
			} else if comma {
				if inner := strings.TrimSpace(src[open+1 : e-1]); len(inner) <= maxCourtOnly && NormalizeCourt(inner) != "" {
					// "Smith v. Jones (CA9), 400 F.3d 171 (2005)": the
					// court before the comma.
					pre.court = normalizeSpace(inner)
				}
				if start, name := s.parenthesisedName(open, e); start >= 0 {
					return start, name, pre
				}
			}
		}
	}
	if d := s.docketBefore(e); d >= 0 {
		e = skipSpaceBack(src, d)
		if e <= s.lastEnd || src[e-1] != ',' {
			return -1, "", pre
		}
		e, comma = skipSpaceBack(src, e-1), true
	}
	if !comma && !opened {
		return -1, "", pre
	}
	start, name := s.nameEndingAt(e)
	return start, name, pre
}

// parenthesisedName reads the case name around a parenthesis, from open
// to e (its end), that stands between a name and its citation's comma:
// the formal name after a popular one ("Folding Bed Case (Keeler v.
// Standard Folding Bed Co.), 157 U.S. 659"; "Slaughter-House Cases
// (Butchers' Benevolent Assn. v. Crescent City Co.), 16 Wall. 36"), or the
// name before a short name it is then known by ("Brown v. Board of
// Education (Brown I), 347 U.S. 483"). It returns -1 when the parenthesis
// holds neither (a lower-case word: "(per curiam)", "(plurality
// opinion)"), or no name with "v." stands where one should.
func (s *scanner) parenthesisedName(open, e int) (int, string) {
	inner := strings.TrimSpace(s.src[open+1 : e-1])
	if strings.Contains(inner, " v. ") {
		start, name := s.nameWithin(open+1, skipSpaceBack(s.src, e-1))
		if start < 0 || !strings.Contains(name, " v. ") {
			return -1, ""
		}
		if popular, outer := s.nameEndingAt(skipSpaceBack(s.src, open)); popular >= 0 {
			if strings.Contains(outer, " v. ") {
				// "Brown v. Board of Education (Briggs v. Elliott)": the
				// name outside is formal already; the inner one is a
				// companion case's.
				return popular, outer
			}
			start = popular // the citation's text holds both names
		}
		return start, name
	}
	words := strings.Fields(inner)
	if len(words) == 0 || len(words) > 3 {
		return -1, ""
	}
	for _, w := range words {
		if !isUpper(w[0]) {
			return -1, ""
		}
	}
	start, name := s.nameEndingAt(skipSpaceBack(s.src, open))
	if start < 0 || !strings.Contains(name, " v. ") {
		return -1, ""
	}
	return start, name
}

// nameWithin returns the start and text of the case name ending at e that
// begins at lo, reading no further back than lo, or -1.
func (s *scanner) nameWithin(lo, e int) (int, string) {
	saved := s.lastEnd
	s.lastEnd = lo - 1
	start, name := s.nameEndingAt(e)
	s.lastEnd = saved
	if start != lo {
		return -1, ""
	}
	return start, name
}

// maxBlankCite bounds a citation with a blank volume and page ("— Mass.
// —", "___ Cal. App. 5th ___").
const maxBlankCite = 32

// blankCiteBefore returns the start of a citation with a blank volume and
// page that ends at e, or -1.
func (s *scanner) blankCiteBefore(e int) int {
	src := s.src
	b := blankBefore(src, e)
	if b < 0 {
		return -1
	}
	lo := max(s.lastEnd, b-maxBlankCite)
	for i := skipSpaceBack(src, b); i > lo; i-- {
		if a := blankBefore(src, i); a >= 0 && a < i {
			if mid := strings.TrimSpace(src[i:b]); mid != "" && s.tab.Find(mid) != nil {
				return a
			}
			return -1
		}
	}
	return -1
}

// blankBefore returns the start of the blank that ends at e — underscores,
// dashes, or the em dash some sources carry as the control character
// U+0097 — or -1.
func blankBefore(src string, e int) int {
	i := e
	for i > 0 {
		switch {
		case src[i-1] == '_' || src[i-1] == '-':
			i--
		case i >= 3 && src[i-3:i] == "—", i >= 3 && src[i-3:i] == "–":
			i -= 3
		case i >= 2 && src[i-2:i] == "\u0097":
			i -= 2
		default:
			if i == e {
				return -1
			}
			return i
		}
	}
	if i == e {
		return -1
	}
	return i
}

// wordBefore returns the word that ends at e.
func (s *scanner) wordBefore(e int) string {
	ws := wordStartBack(s.src, e, s.lastEnd)
	if ws < 0 {
		return ""
	}
	return s.src[ws:e]
}

// supraBefore returns the start of the "supra" or "supra note 3" that
// ends at e (see supraNote), or -1.
func (s *scanner) supraBefore(e int) int {
	if w := s.wordBefore(e); allDigits(w, 1, 4) {
		if e = skipSpaceBack(s.src, e-len(w)); s.wordBefore(e) != "note" {
			return -1
		}
		e = skipSpaceBack(s.src, e-len("note"))
	}
	if s.wordBefore(e) != "supra" {
		return -1
	}
	return e - len("supra")
}

// courtYearBefore returns the start of a court and year standing between
// commas that end at e ("…, 1931, 283 U.S. 522", "…, Wyo. 1975, 541 P.2d
// 1042"), or -1.
func (s *scanner) courtYearBefore(e int) int {
	if e-4 <= s.lastEnd || yearOf(s.src[e-4:e]) == 0 {
		return -1
	}
	lo := max(s.lastEnd, e-maxCourtParen)
	c := strings.LastIndexByte(s.src[lo:e], ',')
	if c < 0 {
		return -1
	}
	st := skipSpace(s.src, lo+c+1)
	if _, _, ok := courtYear(s.src[st:e]); !ok || strings.ContainsAny(s.src[st:e], "()") {
		return -1
	}
	return st
}

// circuitBefore returns the start of a circuit named between commas that
// ends at e ("9 Cir.", "D.C. Cir."), or -1.
func (s *scanner) circuitBefore(e int) int {
	lo := max(s.lastEnd, e-maxCourtOnly)
	c := strings.LastIndexByte(s.src[lo:e], ',')
	if c < 0 {
		return -1
	}
	st := skipSpace(s.src, lo+c+1)
	if body := s.src[st:e]; !strings.HasSuffix(body, "Cir.") || NormalizeCourt(body) == "" {
		return -1
	}
	return st
}

// maxDocketLen bounds a docket number read backwards from a citation.
const maxDocketLen = 48

// docketBefore returns the start of the docket number that ends at e, or
// -1: "No. 14-cv-1234 (JMF)", "Nos. 17-1234, 17-1235", "No. 17 Civ. 3456
// (KPF)", "No. 3:18-cv-00512", or Louisiana's bare "2015-0667" and
// "2016-K-0450". Every word after "No." must be part of a docket number
// (hold a digit, be a case-type word, or a judge's initials in
// parentheses), so that "Sch. Dist. No. 1 v. Gardner" stays a name.
func (s *scanner) docketBefore(e int) int {
	src := s.src
	lo := max(s.lastEnd, e-maxDocketLen)
	if no := max(strings.LastIndex(src[lo:e], "No. "), strings.LastIndex(src[lo:e], "Nos. ")); no >= 0 {
		no += lo
		body := src[no+strings.IndexByte(src[no:], ' ') : e]
		if (no == 0 || !isAlnum(src[no-1])) && docketWords(body) {
			return no
		}
	}
	// Louisiana: a year, a hyphen and a number.
	t := e
	for t > lo && (isAlnum(src[t-1]) || src[t-1] == '-') {
		t--
	}
	if w := src[t:e]; len(w) >= 6 && yearOf(w[:4]) > 0 && w[4] == '-' &&
		strings.IndexFunc(w[5:], func(r rune) bool { return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r == '-') }) < 0 {
		return t
	}
	return -1
}

// docketTypeWords may stand in a docket number without a digit.
var docketTypeWords = map[string]bool{
	"Civ.": true, "Civ": true, "Cr.": true, "Crim.": true, "Misc.": true, "CV": true, "cv": true, "CR": true,
	"Civil": true, "Action": true,
}

// docketWords reports whether body, what follows "No." up to the
// citation, is made of docket-number words only.
func docketWords(body string) bool {
	digits := false
	for _, w := range strings.FieldsFunc(body, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' }) {
		switch {
		case strings.ContainsAny(w, "0123456789"):
			digits = true
		case docketTypeWords[w]:
		case len(w) > 2 && w[0] == '(' && w[len(w)-1] == ')' && strings.ToUpper(w) == w:
		default:
			return false
		}
	}
	return digits
}

// nameEndingAt returns the start and text of the case name whose last
// word ends at e, or -1 when no name ends there.
func (s *scanner) nameEndingAt(e int) (int, string) {
	src := s.src
	var words [maxNameWords]span
	n := 0
	quoted := false // inside a quoted part of the name, read backwards
	for n < maxNameWords {
		we := skipSpaceBack(src, e)
		if we <= s.lastEnd {
			break
		}
		ws := wordStartBack(src, we, s.lastEnd)
		if ws < 0 {
			break
		}
		keep, more, lead := s.nameWord(src[ws:we], words[:n], &quoted, ws)
		if keep {
			words[n] = span{ws + lead, we}
			n++
		}
		if !keep || !more {
			break
		}
		e = ws
	}
	// words holds the name backwards; trim what cannot begin a name.
	trimmed := false
	for n > 0 {
		w := cleanName(src[words[n-1].lo:words[n-1].hi])
		switch {
		case nameConnectors[w] && w != "v.",
			n > 1 && sentenceStarters[w] && !(w == "In" && src[words[n-2].lo:words[n-2].hi] == "re"),
			n > 1 && allDigits(w, 1, 6) && s.footnoteNumber(words[n-1].lo, words[:n-1]):
			trimmed = trimmed || articles[w]
			n--
			continue
		}
		first := src[words[n-1].lo:words[n-1].hi]
		if g := gluedAt(first, 0); g > 0 && first[:g] != "v." {
			// "the cases ofMaryland Steel Co. v. Marney": the connector
			// glued to the name's first word is prose.
			words[n-1].lo += g
			trimmed = trimmed || articles[first[:g]]
		}
		break
	}
	if n == 0 {
		return -1, ""
	}
	lo := words[n-1].lo
	name := cleanName(src[lo:words[0].hi])
	if last := name[strings.LastIndexByte(name, ' ')+1:]; len(last) > 1 && last[len(last)-1] == '.' && sentenceEnd(last) {
		name = name[:len(name)-1] // the stray period of "California., 110 U.S."
	}
	if name == "" || strings.HasPrefix(name, "v. ") || strings.HasSuffix(name, " v.") {
		return -1, ""
	}
	if !strings.Contains(name, " v. ") && (trimmed && (!strings.Contains(name, " ") || genericNames[firstWord(name)]) || genericNames[name]) {
		// "the opinion of the Court, 319 U.S. 103": prose, not a name.
		return -1, ""
	}
	return lo, name
}

// articles, in front of a name, show it to be prose ("the Court", "of
// the State").
var articles = map[string]bool{"the": true, "a": true, "an": true, "of": true}

// genericNames are words that, standing alone before a citation, are
// prose ("as the Court held, 319 U.S. 103") rather than the short name of
// a case.
var genericNames = map[string]bool{
	"Court": true, "Congress": true, "Constitution": true, "Government": true, "Legislature": true,
	"Amendment": true, "Clause": true, "Justice": true, "Act": true, "Code": true, "Id.": true,
}

// footnoteNumber reports whether the number at lo, in front of the name
// words rest (backwards), is a footnote's number rather than part of the
// name: it stands at the start or the end of a line, or what follows it
// is a short name with no "v." ("3 Johnson, 576 U.S., at 597").
func (s *scanner) footnoteNumber(lo int, rest []span) bool {
	if b := skipSpaceBack(s.src, lo); b == 0 || strings.Contains(s.src[b:lo], "\n") {
		return true
	}
	if len(rest) > 0 && strings.Contains(s.src[lo:rest[len(rest)-1].lo], "\n") {
		return true // it ends its line: a note's label ("5 5\nIn California v. Stewart")
	}
	for _, w := range rest {
		if v := s.src[w.lo:w.hi]; v == "v." || v == "vs." {
			return false
		}
	}
	return true
}

// nameWord decides whether word (met going backwards; right holds the
// words already taken, nearest first; the word starts at ws) belongs to a
// name, and whether the name may go on before it. A word opening with a
// parenthesis or a quotation mark is the first word of the name, unless
// the quotation stands inside the name (In re "Agent Orange" Product
// Liability Litigation): quoted tracks that, going backwards.
// lead is the length of opening punctuation to leave out of the name.
func (s *scanner) nameWord(word string, right []span, quoted *bool, ws int) (keep, more bool, lead int) {
	if word == "" {
		return false, false, 0
	}
	if stopWords[word] || strings.Contains(word, "-\n") && stopWords[cleanName(word)] {
		// "Com-\npare Whole Woman's Health": a signal broken across lines.
		return false, false, 0
	}
	if i := strings.LastIndexByte(word, ';'); i >= 0 && i+1 < len(word) && len(right) > 0 {
		// A string cite glued by markup ("1107;Evans v. Gore",
		// "(1930);[31]Rassmussen v. United States"): the name starts
		// after the semicolon and any footnote mark.
		rest := word[i+1:]
		if g := gluedMark(rest); g > 0 || isUpper(rest[0]) {
			return true, false, i + 1 + g
		}
		return false, false, 0
	}
	if !*quoted && len(right) > 0 && s.quotedInName(word, ws) {
		*quoted = true
		word = strings.TrimSuffix(strings.TrimSuffix(word, "\""), "”")
		if word == "" {
			return false, false, 0
		}
	}
	last := word[len(word)-1]
	if len(word) > 1 && word[len(word)-2] == ')' && (last == '.' || last == ',') {
		return false, false, 0 // "(1945) (Williams II). In Williams II, supra"
	}
	switch last {
	case ';', ':', ')', '"', ']', '!', '?':
		return false, false, 0
	}
	if strings.HasSuffix(word, "”") || strings.HasSuffix(word, "’") && !isLetter(word[0]) ||
		strings.HasSuffix(word, ".'") || strings.HasSuffix(word, ",'") || strings.HasSuffix(word, ".’") {
		return false, false, 0
	}
	if last == ',' {
		// A comma inside a name only before a corporate suffix, or a
		// stray one before "v." ("Pierce, v. Society of Sisters").
		if len(right) == 0 {
			return false, false, 0
		}
		next := strings.TrimSuffix(s.src[right[len(right)-1].lo:right[len(right)-1].hi], ",")
		if !corporateSuffixes[next] && next != "v." && !isInitial(next) && word != "etc.," && !(len(right) == 1 && sequels[next]) {
			return false, false, 0
		}
		word = word[:len(word)-1]
		if word == "" {
			return false, false, 0
		}
	}
	if lead := gluedMark(word); lead > 0 && len(right) > 0 {
		// A footnote mark or a dash glued to the name by markup
		// ("[31]Rassmussen v. United States", "—Moor v. County of
		// Alameda"): the name starts after it.
		return true, false, lead
	}
	if strings.HasPrefix(word, "[v.") && len(right) > 0 {
		// "Miranda [v. Arizona, 384 U.S. 436": an editor's bracket
		// inside the name.
		return true, true, 0
	}
	opens := false
	switch {
	case word[0] == '(' || word[0] == '[' || word[0] == '"':
		lead, opens = 1, word[0] == '"'
	case strings.HasPrefix(word, "“"):
		lead, opens = len("“"), true
	}
	word = word[lead:]
	if word == "" {
		return false, false, 0
	}
	if *quoted {
		if opens {
			// The opening quotation mark: the name goes on before it only
			// after a word that joins it ("In re", "v.", "of").
			*quoted = false
			return true, s.joinsBefore(ws), 0
		}
		return true, true, 0
	}
	if nameConnectors[word] {
		return true, lead == 0, lead
	}
	if g, connector := gluedWord(word); g > 0 {
		if connector {
			return true, lead == 0, lead // cleanName puts the space back
		}
		if len(right) > 0 {
			return true, false, lead + g // the name starts after the prose word
		}
	}
	c := word[0]
	if len(word) > 2 && (c == 'e' || c == 'i') && isUpper(word[1]) && isLower(word[2]) {
		// A brand's lower-case initial, for electronic or internet:
		// "eBay Inc. v. MercExchange", "iHeartMedia".
		return true, lead == 0, lead
	}
	if !isUpper(c) && !isDigit(c) && (c < 0x80 || !hasAlnum(word) || strings.HasPrefix(word, "§") || strings.HasPrefix(word, "¶")) {
		return false, false, 0 // lower case, a dash, a section sign
	}
	if isDigit(c) && (len(right) == 0 || word[len(word)-1] == '.') {
		return false, false, 0 // "at 12, 34 U.S. 5", "1700. Wright, supra"
	}
	if word[len(word)-1] == '.' && sentenceEnd(word) && len(right) > 0 {
		// The word just before the citation's comma ends no sentence:
		// "In Hurtado v. California., 110 U.S. 516" has a stray period.
		return false, false, 0
	}
	return true, lead == 0, lead
}

// minSentenceWord is the shortest lower-case word taken to end a
// sentence when a period follows it: shorter ones may be abbreviations
// ("ex.", "rel.", "seq.").
const minSentenceWord = 4

// allLower reports whether s is all lower-case ASCII letters.
func allLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLower(s[i]) {
			return false
		}
	}
	return s != ""
}

// gluedWords are lower-case words that markup glues to the capitalised
// word after them, its space lost: true for a word inside names ("v.
// Chrestensen", "Rector and Visitors of Univ. ofVa."), false for prose
// before a name ("approval inGillespie v. Oklahoma", "Cf.Terry v. Ohio").
// Particles of surnames ("deJonge", "vonBulow") are not among them, nor
// "See", which begins names ("SeeBeyond Technology Corp."): they are names.
var gluedWords = map[string]bool{
	"v.": true, "v": true, "vs.": true, "of": true, "and": true, "the": true, "for": true,
	"in": false, "see": false, "cf.": false, "also": false, "with": false, "from": false, "under": false,
	"Cf.": false,
}

// gluedWord returns the length of a word of gluedWords glued to the
// capitalised word that word goes on with, and whether it belongs inside
// names; 0 when word is no such pair.
func gluedWord(word string) (int, bool) {
	for i := 1; i < len(word) && i <= len("under"); i++ {
		switch c := word[i]; {
		case isUpper(c):
			connector, ok := gluedWords[word[:i]]
			if !ok {
				return 0, false
			}
			return i, connector
		case !isLower(c) && c != '.':
			return 0, false
		}
	}
	return 0, false
}

// sequels number the later decisions of one case ("Williams v. North
// Carolina, II, 325 U. S. 226"): after the name's comma, part of it.
var sequels = map[string]bool{"II": true, "III": true, "IV": true}

// gluedMark returns the length of a footnote mark ("[31]"), a dash or
// a sentence's end glued to the front of a capitalised word, or 0.
func gluedMark(word string) int {
	// A mark glued after a sentence's end ("ruled.[13]Shapiro"), a dash
	// after a word ("today—Moor v. County of Alameda").
	if k := strings.LastIndexByte(word, '['); k > 0 && strings.IndexByte(".,:)\"", word[k-1]) >= 0 {
		return k + gluedMark(word[k:])
	}
	if k := strings.IndexByte(word, '.'); k >= minSentenceWord && k+2 < len(word) && isUpper(word[k+1]) && isLower(word[k+2]) &&
		(allLower(word[:k]) || isUpper(word[0]) && allLower(word[1:k]) && sentenceEnd(word[:k+1])) {
		// "in the record.District of Columbia Preservation League v.",
		// "denied in Leonard.Smith v. Jones": markup dropped the space
		// after a sentence ending in a word too long to be an
		// abbreviation.
		return k + 1
	}
	if !isASCIIText(word) { // both dashes are two or three bytes of UTF-8
		for _, dash := range [...]string{"—", "\u0097"} {
			if k := strings.LastIndex(word, dash); k > 0 && isLetter(word[k-1]) {
				return k + gluedMark(word[k:])
			}
		}
	}
	i := 0
	switch {
	case strings.HasPrefix(word, "["):
		j := 1
		for j < len(word) && isDigit(word[j]) {
			j++
		}
		if j > 1 && j < len(word) && word[j] == ']' {
			i = j + 1
		}
	case strings.HasPrefix(word, "—"), strings.HasPrefix(word, "–"):
		i = 3
	case strings.HasPrefix(word, "\u0097"):
		i = 2
	}
	if i == 0 || i >= len(word) || !isUpper(word[i]) {
		return 0
	}
	return i
}

// maxQuotedName bounds the quoted part of a name ("Agent Orange").
const maxQuotedName = 80

// quotedInName reports whether word, which starts at ws, closes a
// quotation that is part of a case name: a quotation of a few words with
// no sentence's end in it, opened after a word that joins the parts of a
// name (In re "Agent Orange" Product Liability Litigation).
func (s *scanner) quotedInName(word string, ws int) bool {
	if !strings.HasSuffix(word, "\"") && !strings.HasSuffix(word, "”") ||
		strings.HasSuffix(word, ".\"") || strings.HasSuffix(word, ".”") || strings.HasSuffix(word, ",”") {
		return false
	}
	for i := ws; i > max(s.lastEnd, ws-maxQuotedName); i-- {
		switch {
		case s.src[i-1] == '"' && isWordStart(s.src, i-1):
			return s.joinsBefore(i - 1)
		case strings.HasSuffix(s.src[:i], "“"):
			return s.joinsBefore(i - len("“"))
		case s.src[i-1] == '.' || s.src[i-1] == ';':
			return false
		}
	}
	return false
}

// joinsBefore reports whether the word before ws is one that joins the
// parts of a name: "re", "v.", "of", "ex".
func (s *scanner) joinsBefore(ws int) bool {
	e := skipSpaceBack(s.src, ws)
	b := wordStartBack(s.src, e, s.lastEnd)
	if b < 0 {
		return false
	}
	switch s.src[b:e] {
	case "re", "v.", "vs.", "of", "ex", "parte":
		return true
	}
	return false
}

// hasAlnum reports whether w holds an ASCII letter or digit.
func hasAlnum(w string) bool {
	for i := 0; i < len(w); i++ {
		if isAlnum(w[i]) {
			return true
		}
	}
	return false
}

// isInitial reports whether w is one capital letter and a period: the
// initials that railroads' names run on with after a comma ("Choctaw, O.
// & G. R. Co.", "Chicago, B. & Q. R. Co.").
func isInitial(w string) bool { return len(w) == 2 && isUpper(w[0]) && w[1] == '.' }

// sentenceEnd reports whether a capitalised word ending in a period ends a
// sentence rather than abbreviating a word of a name.
func sentenceEnd(w string) bool {
	body := w[:len(w)-1]
	if sentenceWords[w] {
		return true
	}
	if strings.ContainsAny(body, ".'’") || longAbbreviations[w] {
		return false
	}
	return len(body) > 5
}

// skipSpaceBack returns the index just after the last non-space byte
// before i. Names are read backwards a byte at a time through it, so a
// byte that is no space costs one table lookup.
func skipSpaceBack(s string, i int) int {
	for i > 0 && endsSpace[s[i-1]] {
		switch {
		case s[i-1] != 0xA0:
			i--
		case i >= 2 && s[i-2] == 0xC2: // no-break space
			i -= 2
		default:
			return i
		}
	}
	return i
}

// endsSpace marks the last bytes of the spaces skipSpaceBack skips.
var endsSpace = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, 0xA0: true}

// wordStartBack returns where the word ending at e starts, not before lo.
// A word broken at the end of a line by a hyphen ("Gold-\nstein") is one
// word. No word of a name is longer than maxWordLen: for a longer run it
// returns -1, which ends the name, and keeps the search short on any input.
func wordStartBack(s string, e, lo int) int {
	capped := e-maxWordLen > lo
	lo = max(lo, e-maxWordLen)
	i := e
	for {
		for i > lo && skipSpaceBack(s, i) == i {
			i--
		}
		if i == lo && capped && skipSpaceBack(s, i) == i {
			return -1 // longer than any word of a name
		}
		// i is at the start of the word (or at lo).
		j := skipSpaceBack(s, i)
		if i > lo && i < len(s) && isLower(s[i]) && j >= 2 && s[j-1] == '-' && isLetter(s[j-2]) && strings.Contains(s[j:i], "\n") {
			i = j - 1
			continue
		}
		return i
	}
}

// cleanName joins a name's words with single spaces, undoes line-end
// hyphenation and straightens apostrophes. A name that needs none of it
// is returned as it is, a slice of the text (see store).
func cleanName(raw string) string {
	if clean(raw) {
		return raw
	}
	var b strings.Builder
	b.Grow(len(raw))
	space := false
	for i := 0; i < len(raw); {
		if j := lineEndHyphen(raw, i); j > 0 {
			i = j
			continue
		}
		if n := spaceLen(raw, i); n > 0 {
			space = true
			i += n
			continue
		}
		if raw[i] == '[' || raw[i] == ']' {
			i++ // an editor's brackets ("Miranda [v. Arizona")
			continue
		}
		if raw[i] == ',' && strings.HasPrefix(raw[skipSpace(raw, i+1):], "v. ") {
			i++ // a stray comma: "Pierce, v. Society of Sisters"
			continue
		}
		if g := gluedAt(raw, i); g > 0 {
			// "v.Chrestensen", "ofVa.": the space markup dropped.
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(raw[i : i+g])
			b.WriteByte(' ')
			i, space = i+g, false
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if n := apostropheLen(raw, i); n > 0 {
			b.WriteByte('\'')
			i += n
			continue
		}
		b.WriteByte(raw[i])
		i++
	}
	return b.String()
}

// gluedAt returns the length of a connector of gluedWords glued to the
// word after it at s[i:], when a word starts at i, or 0.
func gluedAt(s string, i int) int {
	if i > 0 && s[i-1] != ' ' {
		return 0
	}
	e := i
	for e < len(s) && s[e] != ' ' {
		e++
	}
	if g, connector := gluedWord(s[i:e]); connector {
		return g
	}
	return 0
}

// clean reports whether s is already as cleanName and normalizeSpace
// leave it: ASCII words with single spaces between them, without the
// brackets, the stray comma before "v." and the "v." glued to a name
// that cleanName takes out. (A hyphen at a line's end needs a line end.)
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; cleanClass[c] {
		case cleanSpace:
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case cleanNot:
			return false
		case cleanMaybe:
			if c == ',' && strings.HasPrefix(s[skipSpace(s, i+1):], "v. ") || gluedAt(s, i) > 0 {
				return false
			}
		}
	}
	return true
}

// Classes of bytes for clean: one table lookup a byte.
const (
	cleanPlain = iota
	cleanSpace
	cleanNot
	cleanMaybe
)

var cleanClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == ' ':
			t[c] = cleanSpace
		case c < ' ' || c >= 0x80 || c == '[' || c == ']':
			t[c] = cleanNot
		case c == ',' || c == 'v' || c == 'o' || c == 'a' || c == 't' || c == 'f':
			// a comma, or the first letter of a connector of gluedWords
			t[c] = cleanMaybe
		}
	}
	return t
}()

// lineEndHyphen returns where the word goes on when raw[i] is the hyphen
// that breaks it at a line's end ("Ameri-\ncan"), or 0.
func lineEndHyphen(raw string, i int) int {
	if raw[i] != '-' || i == 0 || !isLetter(raw[i-1]) {
		return 0
	}
	j := skipSpace(raw, i+1)
	if j < len(raw) && isLower(raw[j]) && strings.Contains(raw[i+1:j], "\n") {
		return j
	}
	return 0
}

// normalizeSpace collapses every run of white space to one space and
// joins the words a line's end hyphenates ("Brief for Ameri-\ncan College").
func normalizeSpace(raw string) string {
	if clean(raw) {
		return raw
	}
	var b strings.Builder
	b.Grow(len(raw))
	space := false
	for i := 0; i < len(raw); {
		if j := lineEndHyphen(raw, i); j > 0 {
			i = j
			continue
		}
		if n := spaceLen(raw, i); n > 0 {
			space = true
			i += n
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(raw[i])
		i++
	}
	return b.String()
}

// splitParties splits "Imbler v. Pachtman" into its two sides.
func splitParties(name string) (plaintiff, defendant string) {
	for _, sep := range []string{" v. ", " vs. ", " v "} {
		if p, d, ok := strings.Cut(name, sep); ok {
			return p, d
		}
	}
	return name, ""
}

// crossReference reports whether a name before "supra" is really a part
// of the document ("Part II"), not a case.
func crossReference(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	return crossReferenceWords[first]
}
