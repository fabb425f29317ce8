package corpus

import (
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

func newConverter(maxDepth int) *converter {
	return &converter{maxDepth: maxDepth, captured: map[string][]string{}}
}

// start handles an element start. It returns false when the nesting limit
// is exceeded.
func (c *converter) start(name string, attr func(string) string) bool {
	if voidElements[name] {
		if name == "br" || name == "hr" {
			c.newline()
		}
		return true
	}
	if autoEndElements[name] && len(c.stack) > 0 && c.stack[len(c.stack)-1].name == name && c.stack[len(c.stack)-1].autoEnd {
		c.end(name)
	}
	if len(c.stack) >= c.maxDepth {
		return false
	}
	f := frame{name: name, kind: kindInline, autoEnd: autoEndElements[name]}
	switch {
	case skipElements[name]:
		f.kind = kindSkip
	case isPageMarker(name, attr):
		f.kind = kindMarker
		f.label = attr("label")
	case name == "pre":
		f.kind = kindPre
	case blockElements[name]:
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
			c.stack = append(c.stack, f)
			c.text(label)
			c.stack = c.stack[:len(c.stack)-1]
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
	c.stack = append(c.stack, f)
	return true
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
		f := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		c.close(f)
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
			c.text(rest)
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
func (c *converter) hidden() bool {
	for i := len(c.stack) - 1; i >= 0; i-- {
		if k := c.stack[i].kind; k == kindSkip || k == kindMarker {
			return true
		}
	}
	return false
}

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
func (c *converter) text(s string) {
	for i := len(c.stack) - 1; i >= 0; i-- {
		switch c.stack[i].kind {
		case kindSkip:
			return
		case kindMarker:
			c.stack[i].marker = append(c.stack[i].marker, s...)
			return
		}
	}
	if c.inPre() {
		c.preText(s)
		return
	}
	for len(s) > 0 {
		if n := run(s, true); n > 0 {
			c.sp = true
			s = s[n:]
			continue
		}
		n := run(s, false)
		c.flush()
		c.b.WriteString(s[:n])
		s = s[n:]
	}
}

// run measures the run of white space (space true) or of anything else
// that starts s. Words are copied whole: this is the hot loop of every
// markup reader.
func run(s string, space bool) int {
	i := 0
	for i < len(s) {
		var isSpace bool
		n := 1
		if b := s[i]; b < utf8.RuneSelf {
			isSpace = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace != space {
			return i
		}
		i += n
	}
	return i
}

func (c *converter) inPre() bool {
	for i := len(c.stack) - 1; i >= 0; i-- {
		if c.stack[i].kind == kindPre {
			return true
		}
	}
	return false
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
		f := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		c.close(f)
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
