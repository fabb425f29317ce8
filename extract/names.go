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
	"a": true, "an": true, "by": true,
}

// corporateSuffixes may follow a comma inside a name ("Liberty Lobby,
// Inc.").
var corporateSuffixes = map[string]bool{
	"Inc.": true, "Co.": true, "Corp.": true, "Ltd.": true, "L.P.": true, "LLC": true,
	"L.L.C.": true, "N.A.": true, "P.C.": true, "LLP": true, "L.L.P.": true, "P.A.": true,
	"Jr.": true, "Sr.": true, "et": true,
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
// comma just before pos, or -1 when there is none.
func (s *scanner) nameBefore(pos int) (int, string) {
	src := s.src
	e := skipSpaceBack(src, pos)
	if e <= s.lastEnd || src[e-1] != ',' {
		return -1, ""
	}
	e--
	var words [maxNameWords]span
	n := 0
	for n < maxNameWords {
		we := e
		if n > 0 {
			we = skipSpaceBack(src, e)
		}
		if we <= s.lastEnd {
			break
		}
		ws := wordStartBack(src, we, s.lastEnd)
		if ws < 0 {
			break
		}
		word := src[ws:we]
		keep, more, lead := s.nameWord(word, words[:n])
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
	for n > 0 {
		w := src[words[n-1].lo:words[n-1].hi]
		if nameConnectors[w] && w != "v." || n > 1 && sentenceStarters[w] && !(w == "In" && src[words[n-2].lo:words[n-2].hi] == "re") {
			n--
			continue
		}
		break
	}
	if n == 0 {
		return -1, ""
	}
	lo := words[n-1].lo
	name := cleanName(src[lo:words[0].hi])
	if name == "" || strings.HasPrefix(name, "v. ") {
		return -1, ""
	}
	return lo, name
}

// nameWord decides whether word (met going backwards; right holds the
// words already taken, nearest first) belongs to a name, and whether the
// name may go on before it. A word opening with a parenthesis or a quotation
// mark is the first word of the name.
// lead is the length of opening punctuation to leave out of the name.
func (s *scanner) nameWord(word string, right []span) (keep, more bool, lead int) {
	if word == "" {
		return false, false, 0
	}
	if stopWords[word] {
		return false, false, 0
	}
	last := word[len(word)-1]
	switch last {
	case ';', ':', ')', '"', ']', '!', '?':
		return false, false, 0
	}
	if strings.HasSuffix(word, "”") || strings.HasSuffix(word, "’") && !isLetter(word[0]) {
		return false, false, 0
	}
	if last == ',' {
		// A comma inside a name only before a corporate suffix.
		if len(right) == 0 || !corporateSuffixes[s.src[right[len(right)-1].lo:right[len(right)-1].hi]] {
			return false, false, 0
		}
		word = word[:len(word)-1]
		if word == "" {
			return false, false, 0
		}
	}
	switch {
	case word[0] == '(' || word[0] == '[' || word[0] == '"':
		lead = 1
	case strings.HasPrefix(word, "“"):
		lead = len("“")
	}
	word = word[lead:]
	if word == "" {
		return false, false, 0
	}
	if nameConnectors[word] {
		if word == "re" && len(right) > 0 {
			return false, false, 0
		}
		return true, lead == 0, lead
	}
	c := word[0]
	if !isUpper(c) && !isDigit(c) && c < 0x80 {
		return false, false, 0
	}
	if isDigit(c) && (len(right) == 0 || word[len(word)-1] == '.') {
		return false, false, 0 // "at 12, 34 U.S. 5", "1700. Wright, supra"
	}
	if word[len(word)-1] == '.' && sentenceEnd(word) {
		return false, false, 0
	}
	return true, lead == 0, lead
}

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
// before i.
func skipSpaceBack(s string, i int) int {
	for i > 0 {
		switch {
		case s[i-1] == ' ' || s[i-1] == '\n' || s[i-1] == '\t' || s[i-1] == '\r':
			i--
		case i >= 2 && s[i-2] == 0xC2 && s[i-1] == 0xA0:
			i -= 2
		default:
			return i
		}
	}
	return i
}

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
// hyphenation and straightens apostrophes.
func cleanName(raw string) string {
	var b strings.Builder
	b.Grow(len(raw))
	space := false
	for i := 0; i < len(raw); {
		if raw[i] == '-' && i > 0 && isLetter(raw[i-1]) {
			j := skipSpace(raw, i+1)
			if j < len(raw) && isLower(raw[j]) && strings.Contains(raw[i+1:j], "\n") {
				i = j
				continue
			}
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

// normalizeSpace collapses every run of white space to one space.
func normalizeSpace(raw string) string {
	var b strings.Builder
	b.Grow(len(raw))
	space := false
	for i := 0; i < len(raw); {
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
