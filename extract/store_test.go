package extract

import (
	"strings"
	"testing"
	"unsafe"
)

// TestCompactSizes holds the compact form to the sizes the README
// promises (Reliability): 32 bytes a citation, 76 more for one that names
// a case.
func TestCompactSizes(t *testing.T) {
	if n := unsafe.Sizeof(cite{}); n != 32 {
		t.Errorf("a cite takes %d bytes, want 32", n)
	}
	if n := unsafe.Sizeof(citeMore{}); n != 76 {
		t.Errorf("a citeMore takes %d bytes, want 76", n)
	}
}

// TestStrings checks how the scanner's strings are held: a slice of what
// it reads as a span of the text it read it in (the running text with
// its footnotes blanked, or the text as given), any other string in the
// string table, once for each string the tables hold however often it is
// cited.
func TestStrings(t *testing.T) {
	text := "Smith v. Jones [a footnote here] 1 U.S. 1"
	note := Note{Start: strings.Index(text, "["), End: strings.Index(text, "]") + 1, Mark: -1}
	body := blankNotes(text, []Note{note})
	st := &store{text: text, body: body, notes: []Note{note}}
	running := scanner{src: body, body: true, out: st}
	footnote := scanner{src: text[note.Start:note.End], base: note.Start, out: st}

	// The span of a name in the running text across the note: spaces.
	whole := running.compact(body[:note.End])
	if got := st.str(whole); got != body[:note.End] || whole.n&strTabled != 0 {
		t.Errorf("span of the running text: %q (tabled %v)", got, whole.n&strTabled != 0)
	}
	inNote := footnote.compact(text[note.Start+1 : note.Start+11])
	if got := st.str(inNote); got != "a footnote" || inNote.n&strTabled != 0 {
		t.Errorf("span of a footnote: %q", got)
	}
	// An equal string made elsewhere is not a span.
	made := strings.Clone("Smith")
	if x := running.compact(made); x.n&strTabled == 0 || st.str(x) != "Smith" {
		t.Errorf("a string made elsewhere: %+v %q", x, st.str(x))
	}
	abbrev := DefaultReporters().Lookup("U.S.").Abbrev
	a, b := running.compact(abbrev), footnote.compact(abbrev)
	if a != b || st.str(a) != "U.S." || st.strs.n != 2 {
		t.Errorf("a table's string held %d times (%+v, %+v)", st.strs.n-1, a, b)
	}
}

// TestChunks checks the list that holds citations across its chunks.
func TestChunks(t *testing.T) {
	var l chunks[int32]
	const n = 3<<chunkBits + 5
	for i := range n {
		l.add(int32(i))
	}
	if l.n != n {
		t.Fatalf("len %d, want %d", l.n, n)
	}
	for i := range n {
		if *l.at(i) != int32(i) {
			t.Fatalf("at(%d) = %d", i, *l.at(i))
		}
	}
	for k, c := range l.c[:len(l.c)-1] {
		if len(c) != 1<<chunkBits {
			t.Errorf("chunk %d holds %d, want %d", k, len(c), 1<<chunkBits)
		}
	}
}

// blankNotes writes spaces a line at a time; the running text must still
// be the text with every byte of a note a space but its line ends, at the
// same offsets, whatever the lengths of the notes' lines.
func TestBlankNotesKeepsOffsetsAndLineEnds(t *testing.T) {
	long := strings.Repeat("word ", 120) // longer than one write of spaces
	text := "[n1]Body 1 U.S. 1.\n[n2 " + long + "\n\nsecond line]tail [n3" + long + "]"
	var notes []Note
	for i := 0; i < len(text); i++ {
		if text[i] == '[' {
			notes = append(notes, Note{Start: i, End: i + strings.IndexByte(text[i:], ']') + 1, Mark: -1})
		}
	}
	want := []byte(text)
	for _, n := range notes {
		for i := n.Start; i < n.End; i++ {
			if want[i] != '\n' {
				want[i] = ' '
			}
		}
	}
	if got := blankNotes(text, notes); got != string(want) {
		t.Errorf("blankNotes:\n got %q\nwant %q", got, want)
	}
}

// spaceLen answers at most bytes without looking past a table; every
// space it knows must still be found, whole, and nothing else.
func TestSpaceLenKnowsItsSpaces(t *testing.T) {
	spaces := map[rune]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true,
		'\u00a0': true, '\u202f': true, '\u205f': true, '\u3000': true}
	for r := '\u2000'; r <= '\u200a'; r++ {
		spaces[r] = true
	}
	for r := rune(0); r <= 0x10000; r++ {
		s := string(r) + "x"
		want := 0
		if spaces[r] {
			want = len(string(r))
		}
		if got := spaceLen(s, 0); got != want {
			t.Errorf("spaceLen(%U) = %d, want %d", r, got, want)
		}
	}
}
