package extract

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Authorities that are not cases — the record of the case at hand, court
// rules, constitutions, committee reports and the Congressional Record,
// law reviews, treatises, Restatements, dictionaries — matter to the
// extractor for one reason: an Id. (or a supra) after one of them refers
// to it, never to the case cited before it. They are reported (kinds
// RecordCite, Law, Legislative and Secondary) so that a reader sees what
// each Id. followed; they never become edges of the graph.
//
// The forms of the record, of court rules and of legislative materials
// are data (authorities.tsv);
// law reviews are known by the words of their titles ("Rev.", "L.J."),
// treatises and Restatements by a title before a section or paragraph
// sign that names no code.

//go:embed authorities.tsv
var builtinAuthorities string

// authShape says what follows the spelling of an authority's form.
type authShape uint8

const (
	shapePage     authShape = iota + 1 // "App. 45", "App. to Pet. for Cert. 45a"
	shapePara                          // "Compl. ¶¶ 40-52"
	shapeEntry                         // "ECF No. 34"
	shapeTitled                        // "Brief for Petitioner 12"
	shapeRule                          // "Fed. R. Evid. 403"
	shapeConst                         // "U.S. Const., Amdt. 14, § 1"
	shapeDocument                      // "H. R. Rep. No. 94-1476, p. 665"
	shapeBill                          // "H. R. 3162, 107th Cong. § 2"
	shapeVolume                        // "122 Cong. Rec. 668"
	shapeSession                       // "Cong. Globe, 39th Cong., 1st Sess., 474"
)

var shapeNames = map[string]authShape{
	"page": shapePage, "para": shapePara, "entry": shapeEntry, "titled": shapeTitled,
	"rule": shapeRule, "const": shapeConst, "document": shapeDocument, "bill": shapeBill,
	"volume": shapeVolume, "session": shapeSession,
}

// authForm is one spelling of one authority's form.
type authForm struct {
	kind     Kind
	shape    authShape
	canon    string // the form's canonical spelling
	spelling string
}

// authorityForms returns the forms of the built-in table by the last
// word of their spelling, longest spelling first, so that "App. to Pet.
// for Cert." is tried before "Pet. for Cert.".
var authorityForms = sync.OnceValue(func() map[string][]authForm {
	forms, err := parseAuthorities(builtinAuthorities)
	if err != nil {
		// The embedded table is checked by the tests.
		panic("extract: built-in authority table: " + err.Error())
	}
	byLast := map[string][]authForm{}
	for _, f := range forms {
		last := f.spelling[strings.LastIndexByte(f.spelling, ' ')+1:]
		byLast[last] = append(byLast[last], f)
	}
	return byLast
})

func parseAuthorities(src string) ([]authForm, error) {
	var forms []authForm
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: want 4 tab-separated columns, have %d", n+1, len(f))
		}
		kind, ok := ParseKind(f[0])
		if !ok || !kind.IsAuthority() {
			return nil, fmt.Errorf("line %d: kind %q is not record, law, legislative, secondary or internal", n+1, f[0])
		}
		shape := shapeNames[f[1]]
		if shape == 0 {
			return nil, fmt.Errorf("line %d: unknown shape %q", n+1, f[1])
		}
		forms = append(forms, authForm{kind, shape, f[2], f[2]})
		if f[3] != "-" {
			for _, sp := range strings.Split(f[3], "|") {
				forms = append(forms, authForm{kind, shape, f[2], sp})
			}
		}
	}
	sortForms(forms)
	return forms, nil
}

// sortForms orders forms longest spelling first, so that "App. to Pet.
// for Cert." is tried before "Pet. for Cert.".
func sortForms(forms []authForm) {
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].spelling) > len(forms[j].spelling) })
}

// formBefore returns the form of the given shapes whose spelling ends at
// e (white space in the text matching any space of the spelling), with
// the spelling's start, or false.
func (s *scanner) formBefore(e int, shapes ...authShape) (authForm, int, bool) {
	if e <= s.lastEnd {
		return authForm{}, 0, false
	}
	if last := s.src[e-1]; last != '.' && !isLetter(last) {
		return authForm{}, 0, false
	}
	ws := wordStartBack(s.src, e, s.lastEnd)
	if ws < 0 {
		return authForm{}, 0, false
	}
	for _, f := range authorityForms()[s.src[ws:e]] {
		if !hasShape(f.shape, shapes) {
			continue
		}
		if st, ok := endsWithSpaced(s.src, e, s.lastEnd, f.spelling); ok && (st == 0 || !isAlnum(s.src[st-1]) && s.src[st-1] != '.') &&
			(f.kind != RecordCite || !s.afterAbbreviation(st)) {
			return f, st, true
		}
	}
	return authForm{}, 0, false
}

// afterAbbreviation reports whether the word before st is a capitalised
// abbreviation that does not end a sentence: "App." in "La. App. 1 Cir."
// or "Cal. App. 4th" names a court or a reporter, not the record.
func (s *scanner) afterAbbreviation(st int) bool {
	e := skipSpaceBack(s.src, st)
	if e == st || e <= s.lastEnd || s.src[e-1] != '.' {
		return false
	}
	w := strings.TrimLeft(s.wordBefore(e), "([\"")
	return w != "" && isUpper(w[0]) && !sentenceEnd(w)
}

func hasShape(sh authShape, shapes []authShape) bool {
	for _, x := range shapes {
		if x == sh {
			return true
		}
	}
	return false
}

// endsWithSpaced reports whether src[:e] ends with spelling, any run of
// white space in src matching one space of the spelling (after a period,
// none too: "S.Doc. No.", "H.R. Rep."), and returns where it starts (not
// before lo).
func endsWithSpaced(src string, e, lo int, spelling string) (int, bool) {
	i, j := e, len(spelling)
	for j > 0 {
		if i <= lo {
			return 0, false
		}
		if spelling[j-1] == ' ' {
			k := skipSpaceBack(src, i)
			if k == i && (j < 2 || spelling[j-2] != '.') {
				return 0, false
			}
			i, j = k, j-1
			continue
		}
		if src[i-1] != spelling[j-1] {
			return 0, false
		}
		i, j = i-1, j-1
	}
	return i, true
}

// authorityAt tries, at a number that begins no case citation, the
// authorities a number belongs to: a law review's volume ("90 Harv. L.
// Rev. 1"), legislative materials (see legislativeAt), or the page,
// paragraph, entry or rule number after a form of the record, a court
// rule or a constitution ("App. 45", "Fed. R. Evid. 403", "U.S. Const.,
// Amdt. 14"), or a page after a dictionary's or treatise's title. It returns the end of what it read, or 0.
func (s *scanner) authorityAt(i int) int {
	if end := s.journal(i); end > 0 {
		return end
	}
	e := skipSpaceBack(s.src, i)
	if end := s.legislativeAt(i, e); end > 0 {
		return end
	}
	if f, st, ok := s.formBefore(e, shapePage, shapeEntry, shapeRule); ok {
		return s.formCite(f, st, i)
	}
	if st, title, ok := s.titledBefore(e); ok {
		if partyCount(s.src, i) {
			return 0 // "Brief for 143 Businesses as Amici Curiae 17": the title goes on
		}
		return s.formCite(authForm{kind: RecordCite, shape: shapePage, canon: title}, st, i)
	}
	if end := s.constitution(i, e); end > 0 {
		return end
	}
	if end := s.codeArticle(i, e); end > 0 {
		return end
	}
	return s.pagedTreatise(i, e)
}

// namedBefore reports whether an authority is named just before the
// supra at st (of form canon), which makes it that authority's short
// form, not the opinion's own place: a case ("Nicholson, supra note 1"), a report
// ("S. Rep. No. 382, supra, at 3"), a book ("Kaplan, op. cit. supra, at
// 479"). A signal or a word of prose before it ("See, e.g., supra, at
// 17", "As shown, supra, at 18") names nothing.
func (s *scanner) namedBefore(st int, canon string) bool {
	ns, name := s.nameBefore(st)
	if ns >= 0 && crossReference(name) {
		return false // "Part II-A, supra, at 3"
	}
	if canon == "ante, at" || canon == "post, at" {
		// "JUSTICE STEVENS, post, at 3": the opinions of the case are
		// named by their authors; only a case's name makes it a citation.
		return ns >= 0 && strings.Contains(name, " v. ")
	}
	if ns >= 0 {
		return true
	}
	b := skipSpaceBack(s.src, st)
	comma := b > 0 && s.src[b-1] == ','
	if comma {
		b = skipSpaceBack(s.src, b-1)
	}
	if comma && b == s.lastEnd && b > 0 {
		return true // a citation just read: "S. Rep. No. 382, supra, at 3"
	}
	ws := wordStartBack(s.src, b, s.lastEnd)
	if ws < 0 || ws >= b {
		return false
	}
	w := s.src[ws:b]
	return w == "cit." || comma && (isUpper(w[0]) || isDigit(w[0])) && !stopWords[w] && !crossReference(w)
}

// wordFollows reports whether a word other than a note's ("n. 5", "and
// n. 5", "nn. 2-3") follows the pages ending at end.
func wordFollows(src string, end int) bool {
	q := skipSpace(src, end)
	if q >= len(src) || !isLetter(src[q]) {
		return false
	}
	rest := src[q:]
	if r, ok := strings.CutPrefix(rest, "and "); ok {
		rest = r
	}
	return !strings.HasPrefix(rest, "n.") && !strings.HasPrefix(rest, "nn.")
}

// exhibitPage reads a record cite whose page carries an exhibit's
// capital letters ("Record EX583", "App. A12"), at the digits i after
// them. It returns the end of what it read, or 0.
func (s *scanner) exhibitPage(i int) int {
	ws := i
	for ws > 0 && i-ws < 3 && isUpper(s.src[ws-1]) {
		ws--
	}
	if ws == i || !isWordStart(s.src, ws) {
		return 0
	}
	f, st, ok := s.formBefore(skipSpaceBack(s.src, ws), shapePage)
	if !ok || f.kind != RecordCite {
		return 0
	}
	return s.formCite(f, st, ws)
}

// formCite records the authority of form f spelled from st, whose
// number starts at p.
func (s *scanner) formCite(f authForm, st, p int) int {
	if f.kind == Internal && s.namedBefore(st, f.canon) {
		return 0
	}
	var pin string
	var end int
	if f.shape == shapeRule {
		end = sectionEnd(s.src, p)
		pin = s.src[p:end]
	} else {
		pin, end = s.recordPages(p)
	}
	if pin == "" || f.kind == Internal && wordFollows(s.src, end) {
		// "arrived post, at 3 a.m.", "ex post, at 12 different points":
		// a page of the opinion is followed by punctuation, a note or
		// the end, never by a word.
		return 0
	}
	c := Citation{Kind: f.kind, Start: st, Ref: Ref{Reporter: f.canon}, Pin: pin, authority: f.kind}
	if f.shape == shapeRule {
		c.Ref.Page, c.Pin = pin, ""
	}
	if q := skipSpace(s.src, end); q < len(s.src) && s.src[q] == ',' {
		if more, e := s.atPin(end); more != "" && f.shape == shapeRule {
			c.Pin, end = more, e
		}
	}
	c.Signal = s.signalBefore(st)
	return s.add(c, end)
}

// recordPages reads the pages of a record cite at p: numbers that may
// carry a letter ("45a", the appendix to a petition), ranges and lists
// ("54–55, 59–60"). It returns them with spacing normalised, and their
// end.
func (s *scanner) recordPages(p int) (string, int) {
	src := s.src
	var b strings.Builder
	end := p
	for q := p; ; {
		if strings.HasPrefix(src[q:], "§") {
			q = skipSpace(src, q+len("§"))
		}
		ds := q // an exhibit's letters before the digits: "Record EX583"
		for ds < len(src) && ds-q < 3 && isUpper(src[ds]) {
			ds++
		}
		if ds == len(src) || !isDigit(src[ds]) {
			ds = q
		}
		e := ds
		for e < len(src) && isDigit(src[e]) {
			e++
		}
		if e == ds || e-ds > 6 {
			break
		}
		if e < len(src) && isLower(src[e]) && (e+1 == len(src) || !isLetter(src[e+1])) {
			e++ // "45a"
		} else if e < len(src) && isLetter(src[e]) {
			break
		}
		if d := dashLen(src, e); d > 0 && e+d < len(src) && isDigit(src[e+d]) {
			e += d
			for e < len(src) && (isDigit(src[e]) || isLower(src[e]) && !isLetter(src[min(e+1, len(src)-1)])) {
				e++
			}
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(src[q:e])
		end = e
		c := skipSpace(src, e)
		if c >= len(src) || src[c] != ',' {
			break
		}
		q = skipSpace(src, c+1)
		if q >= len(src) || !isDigit(src[q]) || s.startsCitation(q) {
			break
		}
	}
	return b.String(), end
}

// maxTitledWords bounds the words between "Brief for" and the page, and
// titledWindow the bytes from "Brief" to the page.
const (
	maxTitledWords = 30
	titledWindow   = 240
)

// titledBefore finds a titled record form ("Brief for Petitioner", "Brief
// for United States as Amicus Curiae") whose title ends at e: the form's
// spelling, then capitalised words and the few small words such titles
// hold. It returns the start and the title.
func (s *scanner) titledBefore(e int) (int, string, bool) {
	src := s.src
	if e <= s.lastEnd || !isLetter(src[e-1]) || !s.titledAnchorBefore(e) {
		return 0, "", false
	}
	i := e
	for w := 0; w < maxTitledWords; w++ {
		ws := wordStartBack(src, i, s.lastEnd)
		if ws < 0 {
			return 0, "", false
		}
		if _, st, ok := s.formBefore(i, shapeTitled); ok {
			return st, normalizeSpace(src[st:e]), true
		}
		word := src[ws:i]
		// "by" stands in the titles of briefs only ("Brief for 2,624 Women
		// Injured by Abortion"); before a section sign it is prose ("Congress
		// by Art. I, § 8").
		if word == "" || !isUpper(word[0]) && !titleSmallWords[word] && word != "by" && !partyCount(src, ws) {
			return 0, "", false
		}
		i = skipSpaceBack(src, ws)
	}
	return 0, "", false
}

// partyCount reports whether the number at i counts the parties an amicus
// brief is filed for ("Brief for 2,624 Women Injured by Abortion et al.",
// "Brief for 207 Members of Congress"): a capitalised word follows it.
func partyCount(src string, i int) bool {
	e := i
	for e < len(src) && (isDigit(src[e]) || src[e] == ',' && e+1 < len(src) && isDigit(src[e+1])) {
		e++
	}
	q := skipSpace(src, e)
	return e > i && q > e && q+1 < len(src) && isUpper(src[q]) && isLower(src[q+1])
}

// titledAnchor is a word every titled form of the table holds ("Brief"),
// found once: a page whose last titledWindow bytes lack it follows no
// titled form, and the costlier walk back is spared.
var titledAnchor = sync.OnceValue(func() string {
	var common map[string]bool
	for _, forms := range authorityForms() {
		for _, f := range forms {
			if f.shape != shapeTitled {
				continue
			}
			words := map[string]bool{}
			for _, w := range strings.Fields(f.spelling) {
				if common == nil || common[w] {
					words[w] = true
				}
			}
			common = words
		}
	}
	longest := ""
	for w := range common {
		if len(w) > len(longest) || len(w) == len(longest) && w < longest {
			longest = w
		}
	}
	return longest
})

// titledAnchorBefore reports whether the titled forms' common word stands
// within titledWindow bytes before e.
func (s *scanner) titledAnchorBefore(e int) bool {
	a := titledAnchor()
	return a == "" || strings.Contains(s.src[max(s.lastEnd, e-titledWindow):e], a)
}

// titleSmallWords are the lower-case words inside the titles of briefs
// and treatises.
var titleSmallWords = map[string]bool{
	"of": true, "on": true, "and": true, "the": true, "for": true, "in": true, "as": true, "to": true,
	"a": true, "&": true, "et": true, "al.": true, "al.,": true,
}

// constitution reads a constitution cited by article or amendment
// number, "U.S. Const., Amdt. 14, § 1", at the number at i (the word
// before it, ending at e, is "Amdt.", "amend.", "Art." or "art.").
func (s *scanner) constitution(i, e int) int {
	src := s.src
	ws := wordStartBack(src, e, s.lastEnd)
	if ws < 0 || !constitutionParts[src[ws:e]] {
		return 0
	}
	ce := skipSpaceBack(src, ws)
	if ce > 0 && src[ce-1] == ',' {
		ce = skipSpaceBack(src, ce-1)
	}
	f, st, ok := s.formBefore(ce, shapeConst)
	if !ok {
		return 0
	}
	return s.constitutionCite(f, st, i)
}

// articleWords are the spellings of "article" before an article's
// number, in a code's citation or an Id.'s pin; a word with its period
// comes before the same word without it.
var articleWords = []string{"Arts.", "arts.", "Art.", "art.", "Articles", "Article", "article", "Art", "art"}

// codeArticle reads a code cited by article, as Louisiana's and Texas's
// codes are ("La. Code Crim. Proc. Ann., Art. 718", "Tex. Code Crim.
// Proc. Ann. art. 38.23"): the word "Art." ending at e, before it a
// title that names an instrument of law (see titleBefore), the article
// number at i. It returns the end of what it read, or 0.
func (s *scanner) codeArticle(i, e int) int {
	src := s.src
	ws := wordStartBack(src, e, s.lastEnd)
	if ws < 0 || !slices.Contains(articleWords, src[ws:e]) {
		return 0
	}
	te := skipSpaceBack(src, ws)
	if te > 0 && src[te-1] == ',' {
		te = skipSpaceBack(src, te-1)
	}
	st, kind := s.titleBefore(te)
	if st < 0 || kind != Law {
		return 0
	}
	se := sectionEnd(src, i)
	if se == i {
		return 0
	}
	c := Citation{Kind: Law, Start: st, authority: Law}
	c.Ref.Reporter = strings.TrimSuffix(normalizeSpace(src[st:te]), ",")
	c.Ref.Page = "art. " + sectionKey(src[i:se])
	return s.addAuthority(c, se, s.treatisePin)
}

// constitutionParts are the words that name a part of a constitution.
var constitutionParts = map[string]bool{
	"Amdt.": true, "Amdts.": true, "amend.": true, "Amend.": true, "art.": true, "Art.": true,
	"Art": true, "amdt.": true, "pmbl.": true,
}

// constitutionCite records the constitution whose "Const." spelling
// starts at st (the state before it included), and whose parts run on
// from p: article or amendment, section, clause.
func (s *scanner) constitutionCite(f authForm, st, p int) int {
	src := s.src
	// The jurisdiction: "U.S.", "Cal.", "N.Y." before "Const.", or its
	// initials spaced as the Supreme Court prints them ("U. S. Const.").
	for n := 0; n < 3; n++ {
		b := skipSpaceBack(src, st)
		if b <= s.lastEnd || b >= st {
			break
		}
		ws := wordStartBack(src, b, s.lastEnd)
		if ws < 0 || !isUpper(src[ws]) || src[b-1] != '.' {
			break
		}
		st = ws
		if !isInitial(src[ws:b]) {
			break // "Cal.": a state's abbreviation is the whole of it
		}
	}
	end := p
	for q := p; ; {
		if strings.HasPrefix(src[q:], "§") {
			q = skipSpace(src, q+len("§"))
		}
		e := q
		for e < len(src) && (isAlnum(src[e]) || src[e] == '(' || src[e] == ')') {
			e++
		}
		if e == q {
			break
		}
		end = e
		c := skipSpace(src, e)
		if c >= len(src) || src[c] != ',' {
			break
		}
		q = skipSpace(src, c+1)
		switch {
		case strings.HasPrefix(src[q:], "§"):
			q = skipSpace(src, q+len("§"))
		case wordAt(src, q, "cl."), wordAt(src, q, "Amdt."), wordAt(src, q, "art."), wordAt(src, q, "Art."):
			q = skipSpace(src, q+strings.IndexByte(src[q:], '.')+1)
		default:
			q = len(src)
		}
		if q >= len(src) || !isAlnum(src[q]) {
			break
		}
	}
	whole := normalizeSpace(src[st:end])
	head, parts, _ := strings.Cut(whole, f.spelling)
	c := Citation{Kind: Law, Start: st, authority: Law,
		Ref: Ref{Reporter: strings.TrimSpace(head) + " " + f.canon, Page: strings.TrimLeft(parts, ", ")}}
	c.Ref.Reporter = strings.TrimSpace(c.Ref.Reporter)
	c.Signal = s.signalBefore(st)
	return s.add(c, end)
}

// journalMarkers are the words by which a law review's or journal's
// title is known ("Harv. L. Rev.", "Yale L.J.", "Colum. J. Transnat'l L.").
var journalMarkers = map[string]bool{
	"Rev.": true, "L.J.": true, "J.": true, "L.Q.": true, "Rev": true, "Review": true,
	"Journal": true, "L. J.": true, "Bull.": true,
}

// maxJournalTitle bounds the title of a law review, in words.
const maxJournalTitle = 8

// volumeTitle returns the end of the volume at i and the start of the
// capitalized title after it ("90 Harv. L. Rev.", "122 Cong. Rec."), or
// 0, 0.
func volumeTitle(src string, i int) (int, int) {
	j := digitsEnd(src, i, 4)
	if j == 0 {
		return 0, 0
	}
	q := skipSpace(src, j)
	if q == j || q >= len(src) || !isUpper(src[q]) {
		return 0, 0
	}
	return j, q
}

// journal reads a law review or journal cited by volume, title and page,
// "90 Harv. L. Rev. 1, 5 (1976)", at the volume at i.
func (s *scanner) journal(i int) int {
	src := s.src
	j, q := volumeTitle(src, i)
	if j == 0 {
		return 0
	}
	marked := false
	titleEnd := q
	for w := 0; w < maxJournalTitle; w++ {
		we := q
		for we < len(src) && spaceLen(src, we) == 0 && src[we] != ',' && src[we] != ';' {
			we++
		}
		word := src[q:we]
		switch {
		case word == "":
			return 0
		case isDigit(word[0]):
			if !marked {
				return 0
			}
			page, pe := pageAt(src, q)
			if pe == q || page[0] == '_' {
				return 0
			}
			c := Citation{Kind: Secondary, Start: i, authority: Secondary,
				Ref: Ref{Volume: src[i:j], Reporter: normalizeSpace(src[j:titleEnd]), Page: page}}
			return s.addAuthority(c, pe, s.pins)
		case !isUpper(word[0]) && !titleSmallWords[word]:
			return 0
		}
		marked = marked || journalMarkers[word]
		titleEnd = we
		q = skipSpace(src, we)
		if q == we {
			return 0
		}
	}
	return 0
}

// datedParen reads a parenthetical after a secondary source that gives
// its year ("(1976)", "(3d ed. 2004)") into c and returns its end.
func (s *scanner) datedParen(c *Citation, end int) int {
	q := skipSpace(s.src, end)
	if q >= len(s.src) || s.src[q] != '(' {
		return end
	}
	close := closingParen(s.src, q, maxCourtParen)
	if close < 0 {
		return end
	}
	f := strings.Fields(s.src[q+1 : close])
	if len(f) == 0 {
		return end
	}
	if y := yearOf(f[len(f)-1]); y > 0 && (len(f) == 1 || strings.Contains(s.src[q:close], "ed.")) {
		c.Year = y
		return close + 1
	}
	return end
}

// titledSection reads an authority cited by a title and a section or
// paragraph at i, where no code's name precedes the sign: a treatise
// ("5 C. Wright & A. Miller, Federal Practice and Procedure § 1216, p.
// 207 (3d ed. 2004)", "3 Collier on Bankruptcy ¶ 362.03"), a Restatement
// ("Restatement (Second) of Torts § 402A"), a constitution ("U.S.
// Const., Art. III, § 2"), a statute known by its name ("Sherman Act §
// 1") or the record ("Compl. ¶¶ 40-52"). It returns the end of what it
// read, or 0.
func (s *scanner) titledSection(i int) int {
	src := s.src
	sign := "§"
	if strings.HasPrefix(src[i:], "¶") {
		sign = "¶"
	}
	e := skipSpaceBack(src, i)
	if f, st, ok := s.formBefore(e, shapePara); ok {
		pin, end := s.pins(i)
		if pin == "" {
			return 0
		}
		c := Citation{Kind: f.kind, Start: st, Ref: Ref{Reporter: f.canon}, Pin: pin, authority: f.kind}
		c.Signal = s.signalBefore(st)
		return s.add(c, end)
	}
	st, kind := s.titleBefore(e)
	if st < 0 {
		return 0
	}
	if title := src[st:e]; strings.ToUpper(title) == title && kind != Law || sign == "¶" && !isDigit(src[st]) {
		// A heading of the opinion itself ("II. PREEMPTION ¶ 23",
		// "Lundberg's Duty to the Russells ¶ 17"): opinions with
		// numbered paragraphs. A treatise cited by paragraph gives its
		// volume ("3 Collier on Bankruptcy ¶ 362.03").
		return 0
	}
	if kind == Law {
		ce := s.constPrefix(e)
		if f, cst, ok := s.formBefore(ce, shapeConst); ok {
			// The parts after "Const.": "Art. I, § 8, cl. 3", "§ 7".
			p := skipSpace(src, ce)
			if p < len(src) && src[p] == ',' {
				p = skipSpace(src, p+1)
			}
			if w := s.src[p : p+max(0, strings.IndexAny(src[p:min(len(src), p+8)], " \n"))]; constitutionParts[w] {
				p = skipSpace(src, p+len(w))
			}
			return s.constitutionCite(f, cst, p)
		}
	}
	q := i
	for strings.HasPrefix(src[q:], sign) {
		q += len(sign)
	}
	q = skipSpace(src, q)
	se := sectionEnd(src, q)
	if se == q {
		return 0
	}
	c := Citation{Kind: kind, Start: st, authority: kind}
	c.Ref.Reporter = strings.TrimSuffix(normalizeSpace(src[st:e]), ",")
	if v, rest, ok := strings.Cut(c.Ref.Reporter, " "); ok && allDigits(v, 1, 4) {
		c.Ref.Volume, c.Ref.Reporter = v, rest
	}
	c.Ref.Page = sign + " " + sectionKey(src[q:se])
	return s.addAuthority(c, se, s.treatisePin)
}

// addAuthority adds citation c of an authority that is not a case,
// ending at end, with the pin that pin reads after a comma ("…, 5-19",
// "…, p. 207"), its dated parenthesis and its signal, and returns where
// it ends.
func (s *scanner) addAuthority(c Citation, end int, pin func(int) (string, int)) int {
	if p := skipSpace(s.src, end); p < len(s.src) && s.src[p] == ',' {
		if pn, pe := pin(skipSpace(s.src, p+1)); pn != "" {
			c.Pin, end = pn, pe
		}
	}
	end = s.datedParen(&c, end)
	c.Signal = s.signalBefore(c.Start)
	return s.add(c, end)
}

// treatisePin reads the page a treatise's section is cited at, "p. 207",
// "pp. 207-208".
func (s *scanner) treatisePin(q int) (string, int) {
	for _, p := range [...]string{"pp.", "p."} {
		if strings.HasPrefix(s.src[q:], p) {
			if pin, e := s.pins(skipSpace(s.src, q+len(p))); pin != "" {
				return p + " " + pin, e
			}
		}
	}
	return "", q
}

// constPrefix returns where "Const." would end before the article parts
// that end at e ("U.S. Const., Art. III" ends its "Const." after "U.S.").
func (s *scanner) constPrefix(e int) int {
	i := e
	for n := 0; n < 4 && i > s.lastEnd; n++ {
		ws := wordStartBack(s.src, i, s.lastEnd)
		if ws < 0 {
			return e
		}
		w := strings.TrimSuffix(s.src[ws:i], ",")
		if w == "Const." {
			return ws + len(w)
		}
		i = skipSpaceBack(s.src, ws)
	}
	return e
}

// maxTitleWords bounds the words of a treatise's authors and title.
const maxTitleWords = 16

// titleBefore reads, backwards from e, the title (and authors, and
// volume) of an authority cited by section: capitalised words, initials,
// small words, an edition's "(Second)" and one comma between authors and
// title. It returns the start (-1 when there is no title) and the kind of
// authority the title names: Law for a constitution or a statute known by
// its name, Secondary for the rest.
func (s *scanner) titleBefore(e int) (int, Kind) {
	src := s.src
	st, words, capital := -1, 0, 0
	named := false // the word before the sign names an instrument of law
	kind := Secondary
	i := e
	next := "" // the word after w
	for ; words < maxTitleWords; words++ {
		we := skipSpaceBack(src, i)
		ws := wordStartBack(src, we, s.lastEnd)
		if ws < 0 || we <= s.lastEnd {
			break
		}
		w := strings.TrimSuffix(src[ws:we], ",")
		switch {
		case w == "", stopWords[w]:
			words = maxTitleWords // a signal opens the citation: "See Story on the Constitution § 1699"
			continue
		case allDigits(w, 1, 4) && words > 0:
			st = ws // the volume opens the citation
			words = maxTitleWords
			continue
		case constitutionParts[w] || w == "Const." || isRoman(w):
			kind = Law
			capital++
		case isUpper(w[0]) && !(strings.HasSuffix(w, ".") && sentenceEnd(w) && !strings.Contains(w, "&")),
			titleSmallWords[w] && words > 0,
			len(w) > 2 && w[0] == '(' && w[len(w)-1] == ')' && isUpper(w[1]):
			if isUpper(w[0]) && !sentenceStarters[w] && !stopWords[w] {
				capital++
			}
			if statuteWords[strings.ToLower(w)] && !authorInitial(w, next) {
				kind = Law // "Sherman Act § 1", "Penal Code, § 517", "WIS. STAT. § 895.05"
				named = named || isUpper(w[0]) && words == 0
			}
		default:
			words = maxTitleWords
			continue
		}
		if strings.ContainsAny(src[ws:we], ";:") {
			break
		}
		st = ws
		i = ws
		next = w
	}
	// One capitalised word is prose ("Where §1983 actions"); a title has
	// more, or one and a volume, or names an instrument of law ("Compact
	// §5.01(b)"). A number that opens a line is a footnote's ("5 Under
	// §2.10 of the Compact"), not a volume.
	if st < 0 || capital == 0 || capital < 2 && !named && (!isDigit(src[st]) || lineStart(src, st)) {
		return -1, 0
	}
	// Small words do not open a title.
	for {
		words := strings.Fields(src[st:e])
		if len(words) < 2 || !titleSmallWords[words[0]] {
			break
		}
		st = skipSpace(src, st+len(words[0]))
	}
	// A title does not end in a quotation's close or a possessive: "the
	// subbasins of “Reach II.” §5.05(a)", "Thompson’s §1983 claim".
	last := strings.TrimRight(src[st:e], " ,")
	if strings.HasSuffix(last, "”") || strings.HasSuffix(last, "\"") || strings.HasSuffix(last, "’s") || strings.HasSuffix(last, "'s") {
		return -1, 0
	}
	return st, kind
}

// authorInitial reports whether w, before the word next, is an author's
// initial ("C. Wright"), not the "c." of a chapter ("Mass. Gen. Laws c.
// 93A") or a letter of a code's abbreviation ("U. S. C.", "C. F. R.").
func authorInitial(w, next string) bool {
	return isInitial(w) && len(next) > 2 && isUpper(next[0]) && isLetter(next[len(next)-1])
}

// lineStart reports whether only white space stands between the start of
// a line (or of the text) and i.
func lineStart(src string, i int) bool {
	b := skipSpaceBack(src, i)
	return b == 0 || strings.Contains(src[b:i], "\n")
}

// statuteWords, in a title before a section sign (lower-cased), show it
// to name a statute rather than a treatise.
var statuteWords = map[string]bool{
	"act": true, "code": true, "stat.": true, "stats.": true, "statutes": true, "laws": true,
	"c.": true, "ann.": true, "regs.": true, "reg.": true, "regulations": true, "rules": true, "ordinance": true,
	"compact": true, "treaty": true, "convention": true, "charter": true,
	"incorporation": true, "bylaws": true, "by-laws": true,
}

// isRoman reports whether w is a Roman numeral of the kind that numbers a
// constitution's articles ("III", "XIV").
func isRoman(w string) bool {
	w = strings.TrimSuffix(w, ",")
	if w == "" || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if strings.IndexByte("IVXL", w[i]) < 0 {
			return false
		}
	}
	return true
}

// pagedTreatise reads a dictionary or a treatise cited by page, at the
// number at i: "Black's Law Dictionary 1234 (11th ed. 2019)", "W.
// Prosser, Law of Torts 123 (4th ed. 1971)". The page must follow a title
// ending in "Dictionary", or be followed by an edition's parenthetical.
func (s *scanner) pagedTreatise(i, e int) int {
	src := s.src
	j := digitsEnd(src, i, 5)
	if j == 0 {
		return 0
	}
	ws := wordStartBack(src, e, s.lastEnd)
	dictionary := ws >= 0 && strings.HasPrefix(src[ws:e], "Dictionary")
	if !dictionary {
		q := skipSpace(src, j)
		close := -1
		if q < len(src) && src[q] == '(' {
			close = closingParen(src, q, maxCourtParen)
		}
		if close < 0 || !strings.Contains(src[q:close], "ed.") {
			return 0
		}
	}
	st, _ := s.titleBefore(e)
	if st < 0 {
		return 0
	}
	c := Citation{Kind: Secondary, Start: st, authority: Secondary,
		Ref: Ref{Reporter: normalizeSpace(src[st:e]), Page: src[i:j]}}
	return s.addAuthority(c, j, s.pins)
}
