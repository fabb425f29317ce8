package corpus

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// pgRows reads every row of a PostgreSQL CSV input into field values, nil
// standing for NULL.
func pgRows(t testing.TB, in io.Reader, escape byte, maxRow int) ([][]*string, error) {
	t.Helper()
	p := newPGCSV(in, escape, maxRow)
	var rows [][]*string
	for {
		row, _, _, err := p.next()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		fields, err := splitRow(row, escape, nil)
		if err != nil {
			return rows, err
		}
		var vals []*string
		for _, f := range fields {
			if f.null() {
				vals = append(vals, nil)
				continue
			}
			s := f.text(escape)
			// What readHTML gets must be the same value, with room
			// for the lexer's NUL.
			if b := f.bytes(escape); string(b) != s || cap(b) <= len(b) {
				return rows, fmt.Errorf("bytes %q (capacity %d), text %q", b, cap(b), s)
			}
			vals = append(vals, &s)
		}
		rows = append(rows, vals)
	}
}

func str(s string) *string { return &s }

// pgEncode writes fields the way PostgreSQL's COPY TO does with
// FORCE_QUOTE *: every value quoted, the quote and escape characters
// escaped, NULL as nothing.
func pgEncode(fields []*string, escape byte) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		if f == nil {
			continue
		}
		b.WriteByte('"')
		for j := 0; j < len(*f); j++ {
			if c := (*f)[j]; c == '"' || c == escape {
				b.WriteByte(escape)
			}
			b.WriteByte((*f)[j])
		}
		b.WriteByte('"')
	}
	b.WriteByte('\n')
	return b.String()
}

func TestPGCSVDialect(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     string
		escape byte
		want   [][]*string
	}{
		{"escaped quote and backslash", `"a \"b\" c","back\\slash",x` + "\n", '\\',
			[][]*string{{str(`a "b" c`), str(`back\slash`), str("x")}}},
		{"null, empty, and a backslash before other data", `,"","\N","a\b"` + "\n", '\\',
			[][]*string{{nil, str(""), str(`\N`), str(`a\b`)}}},
		{"line breaks and commas inside quotes", "\"one,\ntwo\r\nthree\",2\n\"x\"\n", '\\',
			[][]*string{{str("one,\ntwo\r\nthree"), str("2")}, {str("x")}}},
		{"no final newline, CRLF rows", "a,b\r\n\"c\"", '\\',
			[][]*string{{str("a"), str("b")}, {str("c")}}},
		{"default escape doubles quotes", `"say ""hi""","a\","""",b` + "\n", '"',
			[][]*string{{str(`say "hi"`), str(`a\`), str(`"`), str("b")}}},
		{"quote right after an escaped backslash", `"ends in \\","\\\""` + "\n", '\\',
			[][]*string{{str(`ends in \`), str(`\"`)}}},
		{"non-Latin text", "\"Ωμέγα 中文 עברית\",\"–“”\"\n", '\\',
			[][]*string{{str("Ωμέγα 中文 עברית"), str("–“”")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// One byte at a time, so that every escape and quote falls at
			// the end of the buffer once.
			got, err := pgRows(t, iotest.OneByteReader(strings.NewReader(tc.in)), tc.escape, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if show(got) != show(tc.want) {
				t.Errorf("got  %s\nwant %s", show(got), show(tc.want))
			}
		})
	}
}

func show(rows [][]*string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString("[")
		for _, f := range r {
			if f == nil {
				b.WriteString("NULL ")
			} else {
				b.WriteString("«" + *f + "» ")
			}
		}
		b.WriteString("]")
	}
	return b.String()
}

func TestPGCSVErrors(t *testing.T) {
	// A row over the limit is reported, and the next row still read.
	long := `"` + strings.Repeat("x\n", 300) + `",1` + "\n" + `"short",2` + "\n"
	p := newPGCSV(iotest.HalfReader(strings.NewReader(long)), '\\', 100)
	_, line, _, err := p.next()
	var tl rowTooLong
	if !errors.As(err, &tl) || line != 1 {
		t.Fatalf("long row: line %d, %v", line, err)
	}
	row, line, _, err := p.next()
	if err != nil || string(row) != `"short",2` || line != 302 {
		t.Fatalf("after the long row: %q at line %d, %v", row, line, err)
	}
	// A file cut inside a quoted field.
	p = newPGCSV(strings.NewReader(`"a","cut`+"\nhere"), '\\', 100)
	if _, _, _, err := p.next(); err == nil || !strings.Contains(err.Error(), "inside a quoted field") {
		t.Errorf("cut file: %v", err)
	}
	for in, want := range map[string]string{
		`"a"b,c`:  "after its closing quote",
		`"a\"`:    "not closed",
		`x,"open`: "not closed",
	} {
		if _, err := splitRow([]byte(in), '\\', nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("splitRow(%q): %v, want %q", in, err, want)
		}
	}
}

func TestPGEscapeDetection(t *testing.T) {
	for in, want := range map[string]byte{
		"id,name\n\"1\",\"say \\\"hi\\\"\"\n": '\\',
		"id,name\n\"1\",\"say \"\"hi\"\"\"\n": '"',
		"id,name\n\"1\",\"\"\n":               '\\', // an empty value says nothing
		"id,name\n\"1\",\"a\\\"\"\n":          '\\', // an escaped quote closing a value
	} {
		if got := pgEscape([]byte(in)); got != want {
			t.Errorf("pgEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzPGCSV checks that whatever PostgreSQL would write reads back as it
// was, in both escape modes, and that no input makes the reader fail in
// any way but an error.
func FuzzPGCSV(f *testing.F) {
	f.Add([]byte("a\x00\"b\x00c\\\"\x01\n\x00\x00\r\n"))
	f.Add([]byte(`"x\"",,"",` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Arbitrary bytes: errors are fine, panics and hangs are not.
		for _, esc := range []byte{'\\', '"'} {
			p := newPGCSV(iotest.HalfReader(strings.NewReader(string(data))), esc, 64)
			for i := 0; i < len(data)+2; i++ {
				row, _, _, err := p.next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err == nil {
					if fields, err := splitRow(row, esc, nil); err == nil {
						for _, f := range fields {
							_ = f.text(esc)
						}
					}
				}
			}
		}
		// The bytes as values: NUL separates fields, \x01 marks a NULL,
		// a lone \x02 ends a row.
		var rows [][]*string
		for _, r := range strings.Split(string(data), "\x02") {
			var fields []*string
			for _, v := range strings.Split(r, "\x00") {
				if v == "\x01" {
					fields = append(fields, nil)
				} else {
					fields = append(fields, str(v))
				}
			}
			rows = append(rows, fields)
		}
		for _, esc := range []byte{'\\', '"'} {
			var in strings.Builder
			for _, r := range rows {
				in.WriteString(pgEncode(r, esc))
			}
			got, err := pgRows(t, iotest.HalfReader(strings.NewReader(in.String())), esc, 1<<20)
			if err != nil {
				t.Fatalf("escape %q: %v reading %q", esc, err, in.String())
			}
			// A row of one NULL is an empty line, which PostgreSQL writes
			// too; it reads back as one NULL field.
			if show(got) != show(rows) {
				t.Fatalf("escape %q:\n got  %s\n want %s\n from %q", esc, show(got), show(rows), in.String())
			}
		}
	})
}
