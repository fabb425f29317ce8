package extract

import (
	"strings"
	"sync"
)

// Legislative materials are cited in the forms of the Bluebook's rule 13
// and of the Supreme Court's opinions: a committee report or document by
// its number ("H. R. Rep. No. 94-1476, p. 665 (1976)", older "H. R. Rep.
// No. 1476, 94th Cong., 2d Sess., 65 (1976)"), a bill by its number and
// Congress ("H. R. 3162, 107th Cong. § 2 (2001)"), the Congressional
// Record by volume and page ("122 Cong. Rec. 668", the daily edition's
// "152 Cong. Rec. S1234 (daily ed. Feb. 1, 2006)"), and the Congressional
// Globe and hearings by Congress, session and page ("Cong. Globe, 39th
// Cong., 1st Sess., 474 (1866)"). The spellings are data
// (authorities.tsv, kind legislative).

// legislativeAt tries, at the number at i (the word before it ending at
// e), the legislative materials a number belongs to: the volume of the
// Congressional Record, the number of a report, document or bill, or the
// Congress of a cite by Congress and session. It returns the end of what
// it read, or 0.
func (s *scanner) legislativeAt(i, e int) int {
	if end := s.legislativeVolume(i); end > 0 {
		return end
	}
	if f, st, ok := s.formBefore(e, shapeDocument, shapeBill); ok {
		return s.legislativeDocument(f, st, i)
	}
	return s.sessionCite(i)
}

// volumeForms are the forms cited by volume and page, longest spelling
// first.
var volumeForms = sync.OnceValue(func() []authForm {
	var forms []authForm
	for _, fs := range authorityForms() {
		for _, f := range fs {
			if f.shape == shapeVolume {
				forms = append(forms, f)
			}
		}
	}
	sortForms(forms)
	return forms
})

// legislativeVolume reads "122 Cong. Rec. 668, 670 (1976)" at the volume
// at i.
func (s *scanner) legislativeVolume(i int) int {
	src := s.src
	j, q := volumeTitle(src, i)
	if j == 0 {
		return 0
	}
	for _, f := range volumeForms() {
		k, ok := startsWithSpaced(src, q, f.spelling)
		if !ok || k < len(src) && isAlnum(src[k]) {
			continue
		}
		p := skipSpace(src, k)
		pe := dailyPageEnd(src, p)
		if pe == 0 {
			return 0
		}
		c := Citation{Kind: Legislative, Start: i, authority: Legislative,
			Ref: Ref{Volume: src[i:j], Reporter: f.canon, Page: src[p:pe]}}
		if d := strings.IndexAny(c.Page, "-–"); d > 0 {
			// "94 Cong. Rec. 7388-89": the first page, and the range as
			// its pin.
			c.Page, c.Pin = c.Page[:d], c.Page
		}
		return s.addAuthority(c, pe, func(q int) (string, int) {
			if e := dailyPageEnd(src, q); e > 0 {
				return src[q:e], e
			}
			return "", q
		})
	}
	return 0
}

// dailyPageEnd returns the end of a page of the Congressional Record at
// p, or 0: digits, in the daily edition after the letter of its part
// ("S1234" Senate, "H1234" House, "E12" Extensions of Remarks, "D5"
// Daily Digest), maybe a range ("S1234-35").
func dailyPageEnd(src string, p int) int {
	q := p
	if q < len(src) && strings.IndexByte("SHED", src[q]) >= 0 {
		q++
	}
	e := digitsEnd(src, q, 6)
	if e == 0 {
		return 0
	}
	if d := dashLen(src, e); d > 0 {
		r := e + d
		if r < len(src) && strings.IndexByte("SHED", src[r]) >= 0 {
			r++
		}
		if re := digitsEnd(src, r, 6); re > 0 {
			e = re
		}
	}
	return e
}

// startsWithSpaced is endsWithSpaced read forwards from p: it returns
// where the spelling ends.
func startsWithSpaced(src string, p int, spelling string) (int, bool) {
	i := p
	for j := 0; j < len(spelling); {
		if spelling[j] == ' ' {
			k := skipSpace(src, i)
			if k == i && (j == 0 || spelling[j-1] != '.') {
				return 0, false
			}
			i, j = k, j+1
			continue
		}
		if i >= len(src) || src[i] != spelling[j] {
			return 0, false
		}
		i, j = i+1, j+1
	}
	return i, true
}

// legislativeDocument reads a report, document or bill of form f,
// spelled from st, whose number starts at p: the number, for a bill its
// Congress (without which "S. 1" is no bill), then what follows (see
// legislativeTail).
func (s *scanner) legislativeDocument(f authForm, st, p int) int {
	src := s.src
	e := digitsEnd(src, p, 6)
	if e == 0 {
		return 0
	}
	if d := dashLen(src, e); d > 0 && f.shape == shapeDocument {
		// "94-1476": the Congress, then the report.
		if de := digitsEnd(src, e+d, 6); de > 0 {
			e = de
		}
	}
	c := Citation{Kind: Legislative, Start: st, authority: Legislative,
		Ref: Ref{Reporter: f.canon, Page: src[p:e]}}
	q := skipSpace(src, e)
	if q < len(src) && src[q] == ',' {
		q = skipSpace(src, q+1)
	}
	if f.shape == shapeBill {
		if _, ce := congressEnd(src, q); ce == 0 {
			return 0
		}
	}
	end := s.legislativeTail(&c, e)
	c.Signal = s.signalBefore(st)
	return s.add(c, end)
}

// legislativeTail reads, after a legislative cite's number ending at e,
// its Congress and session ("94th Cong., 2d Sess.") and part ("pt. 1"),
// both taken into the Ref's page, section ("§ 2") and page ("p. 665", "at
// 664", or a bare page after the session), into c, then its dated
// parenthetical, and returns the end.
func (s *scanner) legislativeTail(c *Citation, e int) int {
	src := s.src
	end := e
	session := false
	for {
		q := skipSpace(src, end)
		if q < len(src) && src[q] == ',' {
			q = skipSpace(src, q+1)
		}
		if q >= len(src) {
			break
		}
		if cong, ce := congressEnd(src, q); ce > 0 && !session {
			// The number of a bill, or of a report before 1969, names it
			// only with its Congress.
			c.Ref.Page += ", " + cong
			session, end = true, ce
			continue
		}
		if strings.HasPrefix(src[q:], "pt.") || strings.HasPrefix(src[q:], "Pt.") {
			if pe := digitsEnd(src, skipSpace(src, q+3), 3); pe > 0 && c.Pin == "" {
				c.Ref.Page += ", pt. " + src[skipSpace(src, q+3):pe]
				end = pe
				continue
			}
		}
		if strings.HasPrefix(src[q:], "§") && c.Pin == "" {
			if se := sectionEnd(src, skipSpace(src, q+len("§"))); se > q+len("§") {
				c.Pin, end = normalizeSpace(src[q:se]), se
				continue
			}
		}
		if c.Pin == "" {
			if pin, pe := s.pageAfterWord(q, session); pin != "" {
				c.Pin, end = pin, pe
				continue
			}
		}
		break
	}
	return s.datedParen(c, end)
}

// pageAfterWord reads the page of a legislative cite at q: "p. 665",
// "pp. 5-6", "at 664", or, after the session (bare is set), "65". It
// returns the page without its word, and its end; "" when none.
func (s *scanner) pageAfterWord(q int, bare bool) (string, int) {
	for _, w := range [...]string{"pp.", "p.", "at"} {
		if wordAt(s.src, q, w) {
			return s.pins(skipSpace(s.src, q+len(w)))
		}
	}
	if bare && q < len(s.src) && isDigit(s.src[q]) {
		return s.pins(q)
	}
	return "", q
}

// congressEnd reads a Congress and maybe its session at q, "107th
// Cong.", "94th Cong., 2d Sess.", "39th Cong. 1st Sess.", and returns
// them with spacing normalised, and their end (0 when there is none).
func congressEnd(src string, q int) (string, int) {
	oe := ordinalEnd(src, q)
	if oe == 0 {
		return "", 0
	}
	k := skipSpace(src, oe)
	if k == oe || !strings.HasPrefix(src[k:], "Cong.") {
		return "", 0
	}
	end := k + len("Cong.")
	r := skipSpace(src, end)
	if r < len(src) && src[r] == ',' {
		r = skipSpace(src, r+1)
	}
	if se := ordinalEnd(src, r); se > 0 {
		if t := skipSpace(src, se); t > se && (strings.HasPrefix(src[t:], "Sess.") || strings.HasPrefix(src[t:], "sess.")) {
			end = t + len("Sess.")
		}
	}
	return normalizeSpace(src[q:end]), end
}

// ordinalEnd returns the end of an ordinal number at q ("1st", "2d",
// "2nd", "3d", "107th"), or 0.
func ordinalEnd(src string, q int) int {
	e := q
	for e < len(src) && isDigit(src[e]) && e-q < 3 {
		e++
	}
	if e == q {
		return 0
	}
	for _, suf := range [...]string{"st", "nd", "rd", "th", "d"} {
		if wordAt(src, e, suf) {
			return e + len(suf)
		}
	}
	return 0
}

// maxSessionTitle bounds, in bytes, the title of a hearing before its
// Congress and session.
const maxSessionTitle = 400

// sessionCite reads a cite by Congress, session and page at the Congress
// at i: "Cong. Globe, 39th Cong., 1st Sess., 474 (1866)", "Hearings on H.
// R. 123 before the Subcommittee on Courts of the House Committee on the
// Judiciary, 95th Cong., 1st Sess., 12 (1977)", the appendix of the Globe
// ("42d Cong., 1st Sess., App. 68"). The title opens with a form of shape
// session within maxSessionTitle bytes before; without one, the citation
// is the Congress, session and page, still legislative.
func (s *scanner) sessionCite(i int) int {
	src := s.src
	session, ce := congressEnd(src, i)
	if ce == 0 || !strings.HasSuffix(session, "Sess.") {
		return 0
	}
	p := skipSpace(src, ce)
	if p < len(src) && src[p] == ',' {
		p = skipSpace(src, p+1)
	}
	app := ""
	if wordAt(src, p, "App") && strings.HasPrefix(src[p:], "App.") {
		app, p = "App. ", skipSpace(src, p+len("App."))
	}
	pe := digitsEnd(src, p, 5)
	if pe == 0 {
		return 0
	}
	st, title := s.sessionTitle(i)
	ref := Ref{Reporter: session, Page: app + src[p:pe]}
	if title != "" {
		ref.Reporter = title + ", " + session
	}
	c := Citation{Kind: Legislative, Start: st, authority: Legislative, Ref: ref}
	return s.addAuthority(c, pe, s.pins)
}

// sessionTitle finds the title before the Congress at i: the latest
// spelling of a form of shape session that opens a word within
// maxSessionTitle bytes before (and after the previous citation). It
// returns the title's start and text, or i and "".
func (s *scanner) sessionTitle(i int) (int, string) {
	src := s.src
	lo := max(s.lastEnd, i-maxSessionTitle)
	window := src[lo:i]
	best := -1
	for _, fs := range authorityForms() {
		for _, f := range fs {
			if f.shape != shapeSession {
				continue
			}
			k := strings.LastIndex(window, f.spelling)
			if k < 0 || !isWordStart(src, lo+k) || lo+k+len(f.spelling) < len(src) && isAlnum(src[lo+k+len(f.spelling)]) {
				continue
			}
			best = max(best, lo+k)
		}
	}
	if best < 0 {
		return i, ""
	}
	return best, strings.TrimRight(normalizeSpace(src[best:i]), ", ")
}
