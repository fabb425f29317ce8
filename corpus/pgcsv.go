package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// pgCSV reads the CSV that PostgreSQL's COPY ... TO writes with
// (FORMAT csv, HEADER, ESCAPE e), the dialect of CourtListener's bulk
// files. Fields are separated by commas and rows by newlines; a field in
// double quotes may hold commas and line breaks, and inside it the escape
// character stands before every quote and escape character of the value
// (with ESCAPE '\': \" and \\; with the default escape, the quote itself:
// ""). An unquoted empty field is NULL, a quoted one the empty string.
// Backslashes outside quotes, and before any other character, are data.
// (PostgreSQL documentation, COPY, "CSV Format".)
//
// encoding/csv reads RFC 4180, which has no escape character: on these
// files it ends a field at the quote of \", so it cannot be used. No
// maintained Go package reads the dialect; this reader is small and
// fuzzed.
//
// Rows are returned as raw bytes and split into fields apart, so that a
// single goroutine can cut a file into rows quickly and workers split and
// unescape them in parallel.
type pgCSV struct {
	r      io.Reader
	buf    []byte // input not yet returned: buf[pos:end]
	pos    int
	end    int
	eof    bool
	err    error // the reader's error, once it has one
	escape byte
	maxRow int
	line   int   // 1-based line where the next row starts
	offset int64 // byte offset of buf[0] in the input
}

// pgQuote is the quote character of PostgreSQL's CSV, which CourtListener
// keeps at its default.
const pgQuote = '"'

// rowTooLong reports a row longer than the reader's limit; the reader
// skips it and goes on.
type rowTooLong struct{ limit int }

func (e rowTooLong) Error() string {
	return fmt.Sprintf("row longer than %d bytes (--max-size)", e.limit)
}

func newPGCSV(r io.Reader, escape byte, maxRow int) *pgCSV {
	return &pgCSV{r: r, buf: make([]byte, 256<<10), escape: escape, maxRow: maxRow, line: 1}
}

// next returns the next row without its line end, the 1-based line it
// starts on and its byte offset. The row is valid until the next call.
// At the end of the input it returns io.EOF; a row over the size limit
// gives a rowTooLong error (the reader then goes on with the next row);
// any other error ends the reading.
func (p *pgCSV) next() (row []byte, line int, offset int64, err error) {
	start, i := p.pos, p.pos
	quoted, tooLong := false, false
	line, offset = p.line, p.offset+int64(p.pos)
	for {
		for i < p.end {
			b := p.buf[i:p.end]
			if !quoted {
				j := indexEither(b, pgQuote, '\n')
				if j < 0 {
					i = p.end
					break
				}
				i += j
				if p.buf[i] == '\n' {
					row = p.buf[start:i]
					p.pos = i + 1
					p.line += 1 + bytes.Count(row, []byte{'\n'})
					if tooLong || len(row) > p.maxRow {
						return nil, line, offset, rowTooLong{p.maxRow}
					}
					return bytes.TrimSuffix(row, []byte{'\r'}), line, offset, nil
				}
				quoted = true
				i++
				continue
			}
			j := indexEither(b, pgQuote, p.escape)
			if j < 0 {
				i = p.end
				break
			}
			i += j
			c := p.buf[i]
			if c == pgQuote && p.escape != pgQuote {
				quoted = false
				i++
				continue
			}
			// An escape (with quote doubling, a quote) needs the byte
			// after it to say what it is.
			if i+1 >= p.end && !p.eof {
				break
			}
			if c == pgQuote && (i+1 >= p.end || p.buf[i+1] != pgQuote) {
				quoted = false
				i++
				continue
			}
			// An escaped quote or escape, a doubled quote, or an escape
			// before other data: two bytes of the value either way.
			i += 2
		}
		if p.eof || p.err != nil {
			return p.finish(start, quoted, tooLong, line, offset)
		}
		// Keep the row so far at the front of the buffer, growing it
		// up to the row limit; past it, forget the row but keep reading
		// to its end.
		if tooLong || i-start > p.maxRow {
			p.line += bytes.Count(p.buf[start:i], []byte{'\n'})
			tooLong = true
			start = i
		}
		n := copy(p.buf, p.buf[start:p.end])
		p.offset += int64(start)
		i -= start
		p.pos, start, p.end = 0, 0, n
		if p.end == len(p.buf) {
			p.buf = append(p.buf, make([]byte, len(p.buf))...)
		}
		m, err := p.r.Read(p.buf[p.end:])
		p.end += m
		if err == io.EOF {
			p.eof = true
		} else if err != nil {
			p.err = err
		}
	}
}

// finish returns what is left at the end of the input: the last row when
// the file does not end with a newline, io.EOF when nothing is left.
func (p *pgCSV) finish(start int, quoted, tooLong bool, line int, offset int64) ([]byte, int, int64, error) {
	if p.err != nil {
		return nil, line, offset, p.err
	}
	row := p.buf[start:p.end]
	p.pos = p.end
	switch {
	case quoted:
		return nil, line, offset, errors.New("the input ends inside a quoted field")
	case tooLong || len(row) > p.maxRow:
		return nil, line, offset, rowTooLong{p.maxRow}
	case len(row) == 0:
		return nil, line, offset, io.EOF
	}
	p.line += bytes.Count(row, []byte{'\n'})
	return bytes.TrimSuffix(row, []byte{'\r'}), line, offset, nil
}

// indexEither returns the index of the first a or b in s, or -1.
func indexEither(s []byte, a, b byte) int {
	i := bytes.IndexByte(s, a)
	if a == b {
		return i
	}
	if i >= 0 {
		s = s[:i]
	}
	if j := bytes.IndexByte(s, b); j >= 0 {
		return j
	}
	return i
}

// pgField is one field of a row as it stands in the file: without its
// quotes but still escaped.
type pgField struct {
	raw    []byte
	quoted bool
}

// null says whether the field is SQL NULL (unquoted and empty).
func (f pgField) null() bool { return !f.quoted && len(f.raw) == 0 }

// text returns the field's value with its escapes undone.
func (f pgField) text(escape byte) string {
	if !f.needsUnescape(escape) {
		return string(f.raw)
	}
	var b strings.Builder
	b.Grow(len(f.raw))
	unescapeField(&b, f.raw, escape)
	return b.String()
}

// bytes is text as a fresh slice with room for one byte more: what
// readHTML lexes in place and the lexer ends with a NUL, so that the
// opinion's markup is copied once, not again from a string.
func (f pgField) bytes(escape byte) []byte {
	b := bytes.NewBuffer(make([]byte, 0, len(f.raw)+1))
	if !f.needsUnescape(escape) {
		b.Write(f.raw)
	} else {
		unescapeField(b, f.raw, escape)
	}
	return b.Bytes()
}

func (f pgField) needsUnescape(escape byte) bool {
	return f.quoted && (bytes.IndexByte(f.raw, escape) >= 0 || bytes.IndexByte(f.raw, pgQuote) >= 0)
}

// unescapeField writes raw, a quoted field, to w with its escapes undone.
func unescapeField[W interface {
	Write([]byte) (int, error)
	WriteByte(byte) error
}](w W, raw []byte, escape byte) {
	for {
		i := indexEither(raw, escape, pgQuote)
		if i < 0 || i+1 >= len(raw) {
			w.Write(raw)
			return
		}
		c := raw[i+1]
		if raw[i] == escape && c != pgQuote && c != escape {
			// An escape before anything else is data (PostgreSQL).
			w.Write(raw[:i+1])
			raw = raw[i+1:]
			continue
		}
		// An escaped quote or escape, or a doubled quote (splitRow let no
		// other quote through): keep the second byte.
		w.Write(raw[:i])
		w.WriteByte(c)
		raw = raw[i+2:]
	}
}

// splitRow splits a row into its fields, reusing dst.
func splitRow(row []byte, escape byte, dst []pgField) ([]pgField, error) {
	dst = dst[:0]
	for i := 0; ; {
		if i < len(row) && row[i] == pgQuote {
			j, err := closingQuote(row, i+1, escape)
			if err != nil {
				return nil, err
			}
			dst = append(dst, pgField{raw: row[i+1 : j], quoted: true})
			i = j + 1
			if i < len(row) && row[i] != ',' {
				return nil, fmt.Errorf("field %d: %q after its closing quote", len(dst), clip(row[i:], 20))
			}
		} else {
			j := bytes.IndexByte(row[i:], ',')
			if j < 0 {
				j = len(row) - i
			}
			dst = append(dst, pgField{raw: row[i : i+j]})
			i += j
		}
		if i >= len(row) {
			return dst, nil
		}
		i++ // the comma
	}
}

// closingQuote returns the index of the quote that closes a quoted field
// whose value starts at row[i].
func closingQuote(row []byte, i int, escape byte) (int, error) {
	for {
		j := indexEither(row[i:], pgQuote, escape)
		if j < 0 {
			return 0, errors.New("a quoted field is not closed")
		}
		i += j
		switch {
		case escape != pgQuote && row[i] == escape:
			if i+1 >= len(row) || row[i+1] != pgQuote && row[i+1] != escape {
				// An escape before anything else is data (PostgreSQL).
				if i+1 >= len(row) {
					return 0, errors.New("a quoted field is not closed")
				}
				i++
				continue
			}
			i += 2
		case escape == pgQuote && i+1 < len(row) && row[i+1] == pgQuote:
			i += 2
		default:
			return i, nil
		}
	}
}

func clip(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}
