package corpus

import (
	"compress/gzip"
	"fmt"
	"io"
)

// bombGuard decompresses gzip while watching the expansion ratio: past
// the first slack bytes (--max-size, the most one document may take in
// any case), output may not exceed ratio times the compressed input read
// so far. A single document is bounded by its size alone, however well
// it compresses (a repetitive text can compress 500×); only a stream of
// documents (JSON lines) runs past the slack, and there the ratio stops
// a decompression bomb from taking endless time.
type bombGuard struct {
	gz    *gzip.Reader
	in    *countingReader
	out   int64
	slack int64
	ratio int64
}

type countingReader struct {
	r    io.Reader
	n    int64
	size int64 // of the input, -1 when unknown
}

// Size is the size of the input, for reading it in one allocation.
func (c *countingReader) Size() int64 { return c.size }

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type bombError struct{ in, out, ratio int64 }

func (e *bombError) Error() string {
	return fmt.Sprintf("gzip expands more than %d× (%d bytes from %d): refusing a likely decompression bomb", e.ratio, e.out, e.in)
}

func newBombGuard(r io.Reader, slack, ratio int64) (*bombGuard, error) {
	in := &countingReader{r: r, size: -1}
	gz, err := gzip.NewReader(in)
	if err != nil {
		return nil, err
	}
	return &bombGuard{gz: gz, in: in, slack: slack, ratio: ratio}, nil
}

func (g *bombGuard) Read(p []byte) (int, error) {
	n, err := g.gz.Read(p)
	g.out += int64(n)
	if g.out > g.slack && g.out > g.ratio*g.in.n {
		return n, &bombError{in: g.in.n, out: g.out, ratio: g.ratio}
	}
	return n, err
}
