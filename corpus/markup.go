package corpus

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// converter turns a stream of markup events (from the HTML tokenizer or the
// XML decoder) into plain text with page marks. Both parsers feed the same
// converter so that every format gets the same word boundaries: block
// elements and <br> end a line, other whitespace (non-breaking spaces
// included) collapses to one space, <pre> keeps its layout, and page
// markers leave the text and become PageMarks. <pre> is not a block:
// CourtListener cuts slip opinions into <pre class="inline"> runs with
// citation links between them, and a line break there would split the
// citation from its pin cite.
type converter struct {
	b     strings.Builder
	pages []PageMark

	// notes are the footnotes found so far; noteAt is where the open one
	// starts (-1: at the next word), noteDepth how deep in the stack it
	// opened (0: no note is open), noteID its id attribute. refs holds
	// what each of notes is known by, marks the marks of the running text:
	// finish pairs them (see placeMarkupNotes).
	notes     []Note
	noteAt    int
	noteDepth int
	noteID    string
	refs      []noteRef
	marks     []markupMark

	nl, sp    bool   // a line break or a space is due before the next word
	page      string // page starting at the next word, if pendingPage
	pendingPg bool

	stack    []frame
	maxDepth int
	// hiders and pres count the frames on the stack that hide their text
	// (skipped elements, page markers) and that are <pre>, so that the
	// common case, text in neither, needs no walk of the stack.
	hiders, pres int

	// watch, when set, is told of each element start so that a format can
	// note attributes or ask for the element's text (by returning a key).
	watch func(name string, attr func(string) string) (key string)
	// captured holds, by key, the text of the elements watch asked for.
	captured map[string][]string
}

type frame struct {
	name    string
	kind    elemKind
	key     string // capture key, or ""
	start   int    // Text offset where a captured element began
	marker  []byte // text of a page marker, collected apart from Text
	label   string // page label given by attribute
	autoEnd bool   // closed by a sibling of the same name (HTML <p>, <li>)
	note    bool   // a footnote
	mark    bool   // a footnote's mark in the running text
	// markHref is where a mark links to, markFrom the Text offset where
	// it began.
	markHref string
	markFrom int
}

type elemKind uint8

const (
	kindInline elemKind = iota
	kindBlock
	kindPre
	kindSkip
	kindMarker
)

// maxCaptures and maxCaptureLen keep captured metadata small whatever the
// input holds.
const (
	maxCaptures   = 24
	maxCaptureLen = 2000
)

// blockElements end a line before and after them. The list covers HTML and
// the element names of the CAP casebody and Columbia/Lawbox schemas.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "dd": true, "div": true, "dl": true, "dt": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true,
	"hr": true, "li": true, "main": true, "nav": true, "ol": true, "p": true,
	"section": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "tr": true, "ul": true, "html": true,
	// CAP casebody
	"casebody": true, "opinion": true, "author": true, "parties": true,
	"docketnumber": true, "court": true, "decisiondate": true, "otherdate": true,
	"attorneys": true, "syllabus": true, "headnotes": true, "summary": true,
	"disposition": true, "footnote": true, "judges": true,
	"history": true, "seealso": true, "correction": true,
	// Columbia / Lawbox
	"reporter_caption": true, "docket": true, "citation_line": true, "date": true,
	"posture": true, "opinion_byline": true, "opinion_text": true,
	"footnote_body": true, "panel": true, "hearing_date": true,
	"dissent_byline": true, "dissent_text": true, "concurrence_byline": true,
	"concurrence_text": true, "opinion_lead": true, "concurrence": true, "dissent": true,
}

// skipElements hold no opinion text.
var skipElements = map[string]bool{
	"script": true, "style": true, "head": true, "title": true, "noscript": true,
	"template": true, "svg": true,
}

// voidElements never have content or an end tag in HTML.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

// autoEndElements are closed by the start of a sibling of the same name in
// HTML, where their end tags are optional.
var autoEndElements = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true, "option": true,
}

// element is what the converter knows of an element name, gathered from
// the sets above so that a tag costs one lookup.
type element struct {
	name                       string // interned, so that tag names need no copy
	block, skip, void, autoEnd bool
}

var elements = func() map[string]*element {
	m := map[string]*element{}
	get := func(name string) *element {
		if m[name] == nil {
			m[name] = &element{name: name}
		}
		return m[name]
	}
	for n := range blockElements {
		get(n).block = true
	}
	for n := range skipElements {
		get(n).skip = true
	}
	for n := range voidElements {
		get(n).void = true
	}
	for n := range autoEndElements {
		get(n).autoEnd = true
	}
	// Inline elements common in opinions, interned too.
	for _, n := range []string{"a", "span", "i", "em", "b", "strong", "u", "sup", "sub", "small", "font", "pre",
		"page-number", "page_number", "footnotemark", "extracted-citation", "cite"} {
		get(n)
	}
	return m
}()

// shortElements holds the known elements whose names are shorter than 16
// bytes (all but four) by length and first letter, a handful in each
// place: every tag is looked up, and comparing a name with those few is
// several times faster than hashing it for the map.
var shortElements = func() (t [16][26][]*element) {
	for name, e := range elements {
		if len(name) < 16 && name[0] >= 'a' && name[0] <= 'z' {
			t[len(name)][name[0]-'a'] = append(t[len(name)][name[0]-'a'], e)
		}
	}
	return t
}()

// elementOf returns what is known of the element named by b (lower case),
// copying the name only when it is not a known one.
func elementOf(b []byte) *element {
	if len(b) > 0 && len(b) < 16 && b[0] >= 'a' && b[0] <= 'z' {
		for _, e := range shortElements[len(b)][b[0]-'a'] {
			if string(b) == e.name {
				return e
			}
		}
	} else if e, ok := elements[string(b)]; ok {
		return e
	}
	return &element{name: string(b)}
}

func newConverter(maxDepth int) *converter {
	return &converter{maxDepth: maxDepth, captured: map[string][]string{}}
}

// start handles an element start. It returns false when the nesting limit
// is exceeded.
func (c *converter) start(name string, attr func(string) string) bool {
	return c.startElement(elementOf([]byte(name)), attr)
}

func (c *converter) startElement(e *element, attr func(string) string) bool {
	name := e.name
	if e.void {
		if name == "br" || name == "hr" {
			c.newline()
		}
		return true
	}
	if e.autoEnd && len(c.stack) > 0 && c.stack[len(c.stack)-1].name == name && c.stack[len(c.stack)-1].autoEnd {
		c.end(name)
	}
	if len(c.stack) >= c.maxDepth {
		return false
	}
	f := frame{name: name, kind: kindInline, autoEnd: e.autoEnd}
	switch {
	case e.skip:
		f.kind = kindSkip
	case isPageMarker(name, attr):
		f.kind = kindMarker
		f.label = attr("label")
	case name == "pre":
		f.kind = kindPre
	case e.block:
		f.kind = kindBlock
	}
	if f.kind == kindBlock {
		c.newline()
	}
	switch {
	case isNote(name, attr) && c.noteDepth == 0 && !c.hidden():
		f.note = true
		c.noteDepth, c.noteAt, c.noteID = len(c.stack)+1, -1, attr("id")
		c.newline()
		if label := strings.TrimSpace(attr("label")); label != "" && len(label) <= 8 {
			// The note's number, which CAP and Harvard markup give only as
			// an attribute, opens the note as a word of its own.
			c.push(f)
			c.text([]byte(label))
			c.pop()
			c.sp = true
		}
	case c.noteDepth > 0 && c.noteAt < 0 && c.noteID == "":
		// A note without an id of its own may take that of its first
		// element (<footnote_body><sup id="fn1">).
		c.noteID = attr("id")
	}
	if !f.note && isNoteMark(name, attr) {
		// A mark in the text ("claims.<footnotemark>4</footnotemark> See")
		// is set apart, so that its number is never read with the words
		// around it.
		c.sp = true
		// A mark inside a note is the link back to the text, not a mark
		// the note hangs on.
		if c.noteDepth == 0 && !c.hidden() {
			f.mark, f.markHref, f.markFrom = true, attr("href"), c.b.Len()
		}
	}
	if c.watch != nil && !c.hidden() {
		if f.key = c.watch(name, attr); f.key != "" {
			f.start = c.b.Len()
		}
	}
	c.push(f)
	return true
}

func (c *converter) push(f frame) {
	c.stack = append(c.stack, f)
	c.count(f.kind, 1)
}

func (c *converter) pop() frame {
	f := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	c.count(f.kind, -1)
	return f
}

func (c *converter) count(k elemKind, d int) {
	switch k {
	case kindSkip, kindMarker:
		c.hiders += d
	case kindPre:
		c.pres += d
	}
}

// isNote recognises a footnote: CAP's and Harvard's <footnote>,
// Columbia's <footnote_body>, CourtListener's <div class="footnote">.
func isNote(name string, attr func(string) string) bool {
	switch name {
	case "footnote", "footnote_body":
		return true
	case "div":
		return hasClass(attr("class"), "footnote")
	}
	return false
}

// isNoteMark recognises a footnote's mark in the text: CAP's and
// Harvard's <footnotemark>, Columbia's <footnote_reference>,
// CourtListener's <a class="footnote"> and the <a href="#fn1"> of some
// of its records. (Not <sup>, which also holds the "th" of "5th Cir.".)
func isNoteMark(name string, attr func(string) string) bool {
	switch name {
	case "footnotemark", "footnote_reference":
		return true
	case "a":
		return hasClass(attr("class"), "footnote") || strings.HasPrefix(attr("href"), "#fn")
	}
	return false
}

func hasClass(classes, c string) bool {
	for _, f := range strings.Fields(classes) {
		if f == c {
			return true
		}
	}
	return false
}

// isPageMarker recognises star pagination: CourtListener's
// <span class="star-pagination">*256</span>, CAP's <page-number> and
// Columbia's <page_number>.
func isPageMarker(name string, attr func(string) string) bool {
	switch name {
	case "page-number", "page_number":
		return true
	case "span":
		return strings.Contains(attr("class"), "star-pagination")
	}
	return false
}

// end handles an element end. Ends without a matching start are ignored,
// as browsers do.
func (c *converter) end(name string) {
	i := len(c.stack) - 1
	for i >= 0 && c.stack[i].name != name {
		i--
	}
	if i < 0 {
		return
	}
	for len(c.stack) > i {
		c.close(c.pop())
	}
}

func (c *converter) close(f frame) {
	switch f.kind {
	case kindMarker:
		// A marker left open in the source (CAP does this) swallows the
		// text after it; give that text back.
		label, rest := pageLabel(f.label, string(f.marker))
		c.markPage(label)
		if rest != "" {
			c.text([]byte(rest))
		}
	case kindBlock:
		c.newline()
	}
	if f.mark {
		c.sp = true
		c.marks = append(c.marks, newMarkupMark(c.b.String()[f.markFrom:], f.markFrom, f.markHref))
	}
	if f.note {
		if c.noteAt >= 0 && c.b.Len() > c.noteAt {
			c.notes = append(c.notes, Note{Span: Span{Start: c.noteAt, End: c.b.Len()}, Mark: -1})
			c.refs = append(c.refs, newNoteRef(c.b.String()[c.noteAt:], c.noteID))
		}
		c.noteDepth = 0
		c.newline()
	}
	if f.key != "" {
		c.capture(f.key, c.b.String()[f.start:])
	}
}

func (c *converter) capture(key, s string) {
	if len(c.captured[key]) >= maxCaptures {
		return
	}
	if len(s) > maxCaptureLen {
		s = s[:maxCaptureLen]
	}
	c.captured[key] = append(c.captured[key], strings.Join(strings.Fields(s), " "))
}

// first returns the first capture under key, or "".
func (c *converter) first(key string) string {
	if v := c.captured[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// hidden says whether text at this point is kept out of Text: inside
// <script> and the like, or inside a page marker.
func (c *converter) hidden() bool { return c.hiders > 0 }

// pageLabel takes the page from the label attribute, else from the
// marker's text ("*256", "Page 684"). Marker text that is more than a page
// label is returned as rest, to be kept as opinion text.
func pageLabel(label, text string) (page, rest string) {
	t := strings.TrimSpace(text)
	t = strings.TrimSpace(strings.TrimPrefix(t, "Page"))
	t = strings.TrimLeft(t, " *")
	if strings.ContainsAny(t, " \t\n") || len(t) > 12 {
		rest, t = text, ""
	}
	if l := strings.TrimSpace(label); l != "" {
		return l, rest
	}
	return t, rest
}

// text handles character data.
func (c *converter) text(s []byte) {
	if c.hiders > 0 {
		for i := len(c.stack) - 1; i >= 0; i-- {
			switch c.stack[i].kind {
			case kindSkip:
				return
			case kindMarker:
				c.stack[i].marker = append(c.stack[i].marker, s...)
				return
			}
		}
	}
	if c.pres > 0 {
		c.preText(string(s))
		return
	}
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			c.sp = true
			i += n
			continue
		}
		// Copy words separated by single spaces in one go: this is the
		// hot loop of every markup reader.
		j := i + 1
		for j < len(s) {
			// Eight bytes at a time while they are plain words. The
			// windows overlap by a byte, so that no pair of spaces falls
			// between two and the last byte of the last window, a space
			// maybe, is left to the byte at a time below.
			for j+8 <= len(s) && plainWords(binary.LittleEndian.Uint64(s[j:])) {
				j += 7
			}
			if !mayBeSpace[s[j]] {
				j++
			} else if s[j] == ' ' && j+1 < len(s) && !mayBeSpace[s[j+1]] {
				j += 2
			} else if spaceAt(s, j) > 0 {
				break
			} else {
				j++
			}
		}
		c.flush()
		c.b.Write(s[i:j])
		i = j
	}
}

// mayBeSpace marks the bytes that start white space (unicode.IsSpace):
// ASCII space and controls, and the lead bytes of the other space
// characters, 0xC2 (U+0085, U+00A0) and 0xE1–0xE3 (U+1680, U+2000–U+205F,
// U+3000).
var mayBeSpace = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true, '\v': true,
	0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// plainWords reports whether the eight bytes of x (as loaded little-endian)
// are printable ASCII with no two spaces side by side: words that text
// copies as they are. It may say no to such bytes (a space before a '!'),
// which only sends them to the loop a byte at a time, but never yes to
// others. Once every byte is known to be under 0x80, subtracting from all
// eight at once sets a byte's top bit exactly where it was under the
// number subtracted, or just above such a byte (the borrow).
func plainWords(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	if x&highs != 0 { // a byte past ASCII: it may start a space
		return false
	}
	if (x-0x20*ones)&highs != 0 { // a control byte: tab, line end
		return false
	}
	spaces := (x ^ 0x20*ones - ones) & highs // a space is zero after the xor
	return spaces&(spaces>>8) == 0
}

// spaceAt returns the length of the white space character at s[i], or 0.
func spaceAt(s []byte, i int) int {
	switch b := s[i]; {
	case !mayBeSpace[b]:
		return 0
	case b < utf8.RuneSelf:
		return 1
	}
	if r, n := utf8.DecodeRune(s[i:]); unicode.IsSpace(r) {
		return n
	}
	return 0
}

// preText keeps preformatted text as laid out, only dropping carriage
// returns.
func (c *converter) preText(s string) {
	s = strings.ReplaceAll(s, "\r", "")
	if strings.TrimSpace(s) == "" {
		// White space between two inline elements still separates words
		// ("<span>78</span> <span>Ariz.</span>").
		if strings.Contains(s, "\n") {
			c.nl = true
		} else if s != "" {
			c.sp = true
		}
		return
	}
	lead := len(s) - len(strings.TrimLeft(s, " \t\n"))
	if strings.Contains(s[:lead], "\n") {
		c.nl = true
		s = s[strings.LastIndexByte(s[:lead], '\n')+1:]
		lead = len(s) - len(strings.TrimLeft(s, " \t"))
	}
	c.flushSep()
	c.b.WriteString(s[:lead])
	c.placePage()
	c.b.WriteString(s[lead:])
	c.sp, c.nl = false, false
}

// flush writes the separator due before a word and places a pending page
// mark at the word.
func (c *converter) flush() {
	c.flushSep()
	c.placePage()
}

func (c *converter) flushSep() {
	if c.b.Len() > 0 {
		if c.nl {
			c.b.WriteByte('\n')
		} else if c.sp {
			c.b.WriteByte(' ')
		}
	}
	c.nl, c.sp = false, false
	if c.noteDepth > 0 && c.noteAt < 0 {
		c.noteAt = c.b.Len()
	}
}

func (c *converter) placePage() {
	if !c.pendingPg {
		return
	}
	c.pendingPg = false
	off := c.b.Len()
	if n := len(c.pages); n > 0 && c.pages[n-1].Offset == off {
		// Two markers before one word (an empty CAP <page-number> repeats
		// the page): the later one names the page.
		c.pages[n-1].Page = c.page
		return
	}
	c.pages = append(c.pages, PageMark{Offset: off, Page: c.page})
}

func (c *converter) markPage(p string) {
	if p == "" {
		return
	}
	c.page, c.pendingPg = p, true
}

func (c *converter) newline() { c.nl = true }

// finish returns the text and page marks. A page marker after the last
// word has no text to mark and is dropped.
func (c *converter) finish() (string, []PageMark) {
	for len(c.stack) > 0 {
		c.close(c.pop())
	}
	text := strings.TrimRightFunc(c.b.String(), unicode.IsSpace)
	placeMarkupNotes(c.notes, c.refs, c.marks)
	notes := c.notes[:0]
	for _, n := range c.notes {
		if n.End > len(text) {
			n.End = len(text)
		}
		if n.Start < n.End {
			notes = append(notes, n)
		}
	}
	c.notes = notes
	return text, c.pages
}
